import type { Translate } from '../i18n';
import type { OidcError } from '../oidc';

/** A failed issuer sign-in in the console's words. */
export function oidcFailureText(t: Translate, e: OidcError): string {
  if (e.reason === 'insecure') return t('signin.oidcInsecure');
  if (e.reason === 'state') return t('signin.oidcState');
  return t('signin.oidcFailed', { message: e.message });
}
