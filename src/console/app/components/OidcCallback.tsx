/** Back from the issuer's login page: the code is exchanged once, then the console goes on. */
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n';
import { completeOidcSignIn, OidcError, oidcSettings } from '../oidc';
import { oidcFailureText } from './oidc-failure';

export function OidcCallback({
  onDone,
  onFailed,
}: {
  onDone(token: string, returnTo: string): void;
  onFailed(message: string): void;
}) {
  const { t } = useI18n();
  const started = useRef(false);
  useEffect(() => {
    // A code is good for one exchange: never twice (a re-render, StrictMode's double effect).
    if (started.current) return;
    started.current = true;
    const settings = oidcSettings();
    if (!settings) {
      onFailed(t('signin.oidcOff'));
      return;
    }
    completeOidcSignIn(settings).then(
      ({ token, returnTo }) => onDone(token, returnTo),
      (e: unknown) =>
        onFailed(oidcFailureText(t, e instanceof OidcError ? e : new OidcError('issuer', String(e)))),
    );
  }, [onDone, onFailed, t]);
  return (
    <main className="signin">
      <p className="notice">{t('signin.oidcReturning')}</p>
    </main>
  );
}
