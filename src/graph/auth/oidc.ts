/**
 * OIDC bearer tokens (a Keycloak realm, iGate's own, …), verified with `jose` against the
 * issuer's JWKS (fetched over HTTP, cached, refetched when a token names an unknown key).
 * The hub role, the agency and the pii grant come from claims named in configuration; a
 * claim path may be dotted (`realm_access.roles`, Keycloak's realm roles).
 */
import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import type { OidcConfig } from '../../config';
import { ROLES, type Role } from '../../domain/roles';
import type { Logger } from '../../log';
import { codedError } from '../errors';
import type { Principal } from './principal';

function claim(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

const asList = (v: unknown): string[] =>
  typeof v === 'string'
    ? v.split(/[\s,]+/)
    : Array.isArray(v)
      ? v.filter((x): x is string => typeof x === 'string')
      : [];

/** The highest hub role the claim names (a realm often gives a user several). */
function roleOf(value: unknown): Role | null {
  const named = new Set(asList(value).map((r) => r.toUpperCase().replace(/^HUB[-_:]/, '')));
  return [...ROLES].reverse().find((r) => named.has(r)) ?? null;
}

const refused = (message: string) => codedError('UNAUTHENTICATED', message);

// Asymmetric only: an HS256 token "signed" with the public key must not pass.
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** jose's refusal as the hub's UNAUTHENTICATED; keys that cannot be fetched are logged too. */
function refusal(e: unknown, log: Logger): Error {
  if (e instanceof errors.JWTExpired) return refused('the bearer token has expired');
  if (e instanceof errors.JWTClaimValidationFailed)
    return refused(`the bearer token's ${e.claim} is not accepted`);
  if (e instanceof errors.JOSEError && !(e instanceof errors.JWKSTimeout)) {
    return refused('the bearer token is not valid (signature, key or format)');
  }
  log.warn(
    { event: 'oidc_jwks_unavailable', reason: String((e as Error)?.message ?? e) },
    'cannot verify tokens',
  );
  return refused('bearer tokens cannot be verified right now; try again or use an API key');
}

/** The principal a verified token's claims describe. */
function principalOf(payload: JWTPayload, config: OidcConfig, defaultRatePerMinute: number): Principal {
  const role = roleOf(claim(payload, config.roleClaim));
  if (!role) throw refused(`the bearer token names no hub role in its ${config.roleClaim} claim`);
  const agency = claim(payload, config.agencyClaim);
  const pii = claim(payload, config.piiClaim);
  return {
    name: `oidc:${String(payload.sub ?? 'unknown')}`,
    role,
    pii: pii === true || asList(pii).includes('pii'),
    metrics: role === 'ADMIN',
    agency: typeof agency === 'string' && agency.trim() ? agency.trim() : null,
    ratePerMinute: defaultRatePerMinute,
    via: 'token',
  };
}

export function oidcVerifier(
  config: OidcConfig,
  log: Logger,
  defaultRatePerMinute: number,
): (token: string) => Promise<Principal> {
  const jwks = createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 5_000 });
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: config.issuer,
        audience: config.audience ?? undefined,
        algorithms: ALGORITHMS,
        clockTolerance: 30,
      }));
    } catch (e) {
      throw refusal(e, log);
    }
    return principalOf(payload, config, defaultRatePerMinute);
  };
}
