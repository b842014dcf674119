/**
 * What the session signs its requests with: an API key (X-API-Key) or an issuer's access
 * token (Authorization: Bearer), kept in sessionStorage so it is gone with the browser
 * session (and never shared between tabs).
 */
export type Credential = { kind: 'key'; secret: string } | { kind: 'token'; secret: string };

const STORAGE = 'tthc-console-credential';

export function authHeaders(c: Credential): Record<string, string> {
  return c.kind === 'key' ? { 'x-api-key': c.secret } : { authorization: `Bearer ${c.secret}` };
}

export function storedCredential(): Credential | null {
  try {
    const c = JSON.parse(sessionStorage.getItem(STORAGE) ?? 'null') as Credential | null;
    return c && (c.kind === 'key' || c.kind === 'token') && typeof c.secret === 'string' ? c : null;
  } catch {
    return null;
  }
}

export function storeCredential(c: Credential): void {
  sessionStorage.setItem(STORAGE, JSON.stringify(c));
}

export function forgetCredential(): void {
  sessionStorage.removeItem(STORAGE);
}
