/** The sign-in form: the key is checked against the graph before it is kept. */
import { type FormEvent, useState } from 'react';
import { probeKey } from '../graph-client';
import { useI18n } from '../i18n';

export function SignIn({ onSignedIn }: { onSignedIn(key: string): void }) {
  const { t, lang, setLang } = useI18n();
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

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

  return (
    <main className="signin">
      <form onSubmit={submit} aria-labelledby="signin-title">
        <h1 id="signin-title">{t('app.title')}</h1>
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
          <button type="submit" className="primary" disabled={busy}>
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
