/**
 * The sign-in page: an API key (checked against the graph before it is kept) or, where the
 * hub names an issuer, that issuer's login page.
 */
import { type FormEvent, useState } from 'react';
import { probeKey } from '../graph-client';
import { useI18n } from '../i18n';
import { beginOidcSignIn, OidcError, oidcSettings } from '../oidc';
import { oidcFailureText } from './oidc-failure';

/** What the page says on arrival: why the last session ended, or why the issuer sign-in failed. */
export interface SignInNotice {
  text: string;
  ended: boolean;
}

export function SignIn({
  notice,
  onSignedIn,
}: {
  notice: SignInNotice | null;
  onSignedIn(key: string): void;
}) {
  const { t, lang, setLang } = useI18n();
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(notice && !notice.ended ? notice.text : null);
  const oidc = oidcSettings();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = key.trim();
    if (!trimmed) return;
    setBusy(true);
    setError(null);
    const result = await probeKey(trimmed);
    setBusy(false);
    if (result === 'ok') onSignedIn(trimmed);
    else if (result === 'invalid') setError(t('signin.invalid'));
    else setError(t('signin.unreachable', { message: result.error }));
  }

  async function withIssuer() {
    if (!oidc) return;
    setBusy(true);
    setError(null);
    try {
      // Back to this very address (page, filters, period) once signed in.
      await beginOidcSignIn(oidc, `${window.location.pathname}${window.location.search}`);
    } catch (e) {
      setBusy(false);
      setError(oidcFailureText(t, e instanceof OidcError ? e : new OidcError('issuer', String(e))));
    }
  }

  return (
    <main className="signin">
      <form onSubmit={submit} aria-labelledby="signin-title">
        <h1 id="signin-title">{t('app.title')}</h1>
        {notice?.ended && (
          <output className="notice" data-testid="signin-notice">
            {t('signin.ended', { message: notice.text })}
          </output>
        )}
        {oidc && (
          <div className="signin-oidc">
            <button type="button" className="primary" onClick={withIssuer} disabled={busy}>
              {t('signin.oidc', { issuer: oidc.issuer })}
            </button>
            <p className="or">{t('signin.orKey')}</p>
          </div>
        )}
        <p>{t('signin.intro')}</p>
        <label htmlFor="api-key">{t('signin.key')}</label>
        <input
          id="api-key"
          name="api-key"
          type="password"
          autoComplete="off"
          value={key}
          onChange={(e) => setKey(e.target.value)}
          // biome-ignore lint/a11y/noAutofocus: the form is the whole page
          autoFocus
        />
        {error && (
          <p className="notice error" role="alert">
            {error}
          </p>
        )}
        <div className="row">
          <button type="submit" className={oidc ? undefined : 'primary'} disabled={busy}>
            {busy ? t('signin.checking') : t('signin.submit')}
          </button>
          <button type="button" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
            {t('lang.switch')}
          </button>
        </div>
      </form>
    </main>
  );
}
