/**
 * Sign-in through the province's identity provider (OIDC_ISSUER, OIDC_CLIENT_ID): the
 * authorization code flow with PKCE (S256) for a public client. The endpoints come from the
 * issuer's discovery document; the code comes back to /console/signin/callback and is
 * exchanged at the token endpoint; the access token is the session's credential.
 */

export interface OidcSettings {
  issuer: string;
  clientId: string;
}

export const CALLBACK_PATH = '/console/signin/callback';
const PENDING = 'tthc-console-oidc-pending';

interface Pending {
  state: string;
  verifier: string;
  tokenEndpoint: string;
  redirectUri: string;
  returnTo: string;
}

/** The hub puts the settings in a meta tag when OIDC sign-in is configured. */
export function oidcSettings(): OidcSettings | null {
  const content = document.querySelector('meta[name="tthc-oidc"]')?.getAttribute('content');
  if (!content) return null;
  try {
    const s = JSON.parse(content) as Partial<OidcSettings>;
    return typeof s.issuer === 'string' && typeof s.clientId === 'string'
      ? { issuer: s.issuer, clientId: s.clientId }
      : null;
  } catch {
    return null;
  }
}

/**
 * A failed sign-in: `issuer` carries the issuer's (or the network's) own words, shown as
 * they are; the other reasons have the console's.
 */
export class OidcError extends Error {
  constructor(
    readonly reason: 'insecure' | 'state' | 'issuer',
    message: string = reason,
  ) {
    super(message);
  }
}

function base64url(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const randomText = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

async function discover(issuer: string): Promise<{ authorization: string; token: string }> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const res = await fetch(url, { headers: { accept: 'application/json' } }).catch((e: Error) => {
    throw new OidcError('issuer', `${url}: ${e.message}`);
  });
  if (!res.ok) throw new OidcError('issuer', `${url}: HTTP ${res.status}`);
  const doc = (await res.json()) as Record<string, unknown>;
  // OpenID Connect Discovery: the document must name the issuer it was fetched for.
  if (doc.issuer !== issuer)
    throw new OidcError('issuer', `${url} names another issuer (${String(doc.issuer)})`);
  const { authorization_endpoint: authorization, token_endpoint: token } = doc;
  if (typeof authorization !== 'string' || typeof token !== 'string')
    throw new OidcError('issuer', `${url} has no authorization_endpoint or token_endpoint`);
  return { authorization, token };
}

/** Leaves for the issuer's login page; the browser comes back to CALLBACK_PATH. */
export async function beginOidcSignIn(settings: OidcSettings, returnTo: string): Promise<void> {
  // crypto.subtle exists only in a secure context: HTTPS, or the hub on this machine.
  if (!crypto.subtle) throw new OidcError('insecure');
  const endpoints = await discover(settings.issuer);
  const verifier = randomText();
  const challenge = base64url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  const pending: Pending = {
    state: randomText(),
    verifier,
    tokenEndpoint: endpoints.token,
    redirectUri: `${window.location.origin}${CALLBACK_PATH}`,
    returnTo,
  };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(endpoints.authorization);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: pending.redirectUri,
    scope: 'openid',
    state: pending.state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.toString());
}

export function isOidcCallback(): boolean {
  return window.location.pathname === CALLBACK_PATH;
}

/** On CALLBACK_PATH: the code for an access token, and where the person was going. */
export async function completeOidcSignIn(
  settings: OidcSettings,
): Promise<{ token: string; returnTo: string }> {
  const params = new URLSearchParams(window.location.search);
  const raw = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  if (params.get('error'))
    throw new OidcError('issuer', params.get('error_description') ?? params.get('error') ?? 'refused');
  const pending = raw ? (JSON.parse(raw) as Pending) : null;
  const code = params.get('code');
  // The state ties the answer to the request this tab made (no login forced on from outside).
  if (!pending || !code || params.get('state') !== pending.state) throw new OidcError('state');
  const res = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: pending.redirectUri,
      client_id: settings.clientId,
      code_verifier: pending.verifier,
    }),
  }).catch((e: Error) => {
    throw new OidcError('issuer', `${pending.tokenEndpoint}: ${e.message}`);
  });
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok || typeof body.access_token !== 'string')
    throw new OidcError('issuer', String(body.error_description ?? body.error ?? `HTTP ${res.status}`));
  return { token: body.access_token, returnTo: pending.returnTo };
}
