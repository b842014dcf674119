/**
 * Every graph request carries `X-API-Key`. For now the only key is the admin key
 * (HUB_ADMIN_KEY, or the one `hub serve` makes in simulated mode); stored keys with roles
 * come later and plug in here.
 */
import { timingSafeEqual } from 'node:crypto';
import { codedError } from './errors';

export type Role = 'ADMIN';

export interface Principal {
  name: string;
  role: Role;
  pii: boolean;
  agency: string | null;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function authenticate(headerValue: string | undefined | null, adminKey: string): Principal {
  if (!headerValue) {
    throw codedError('UNAUTHENTICATED', 'send an API key in the X-API-Key header');
  }
  if (sameSecret(headerValue.trim(), adminKey))
    return { name: 'admin', role: 'ADMIN', pii: true, agency: null };
  throw codedError('UNAUTHENTICATED', 'the API key in X-API-Key is not valid');
}
