/**
 * Who sends a graph request: the bootstrap key (HUB_ADMIN_KEY), a stored key (both in
 * `X-API-Key`), or, when OIDC is configured, a bearer token. Stored keys are looked up on
 * every request, so a revoked key fails at once on every replica.
 */
import { timingSafeEqual } from 'node:crypto';
import type { KeyGrant } from '../../domain/roles';
import { codedError } from '../errors';
import type { Principal, Scope } from './principal';

/** A stored key's grant, as the keys module finds it (src/modules/keys). */
export type StoredGrant = KeyGrant;

export interface AuthOptions {
  /** The live stored key with this secret, or null (one indexed read per request). */
  findKey: (key: string) => Promise<StoredGrant | null>;
  adminKey: string;
  /** HUB_ADMIN_KEY_PII=1: the bootstrap key sees personal data. */
  adminPii: boolean;
  /** Cost units per minute for stored keys made without --rate. */
  defaultRatePerMinute: number;
  /** Verifies a bearer token (OIDC), when configured. */
  verifyToken?: ((token: string) => Promise<Principal>) | null;
}

export interface Credentials {
  apiKey: string | null | undefined;
  authorization: string | null | undefined;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const invalidKey = () => codedError('UNAUTHENTICATED', 'the API key in X-API-Key is not valid');

export async function authenticate(credentials: Credentials, options: AuthOptions): Promise<Principal> {
  const key = credentials.apiKey?.trim();
  if (key) {
    if (sameSecret(key, options.adminKey)) {
      return {
        name: 'admin',
        role: 'ADMIN',
        pii: options.adminPii,
        metrics: true,
        agency: null,
        ratePerMinute: null,
        via: 'bootstrap',
      };
    }
    // Keys are long; anything short or odd is refused without a database round trip.
    if (key.length > 200) throw invalidKey();
    const grant = await options.findKey(key);
    if (!grant) throw invalidKey();
    return {
      name: grant.name,
      role: grant.role,
      pii: grant.pii,
      metrics: grant.metrics || grant.role === 'ADMIN',
      agency: grant.agencyCode,
      ratePerMinute: grant.ratePerMinute ?? options.defaultRatePerMinute,
      via: 'key',
    };
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec(credentials.authorization?.trim() ?? '')?.[1];
  if (bearer && options.verifyToken) return options.verifyToken(bearer);
  if (bearer)
    throw codedError('UNAUTHENTICATED', 'bearer tokens are not enabled on this hub; send X-API-Key');
  throw codedError('UNAUTHENTICATED', 'send an API key in the X-API-Key header');
}

/** The request's data scope: a key limited to an agency sees that agency and those under it. */
export async function scopeOf(
  principal: Principal,
  agencyTree: (code: string) => Promise<string[]>,
): Promise<Scope> {
  if (!principal.agency) return { agencyCodes: null };
  const codes = await agencyTree(principal.agency);
  // An agency no portal knows (yet) still limits the key to its own code: never to everything.
  return { agencyCodes: codes.length ? codes : [principal.agency] };
}
