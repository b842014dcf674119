/**
 * OIDC bearer tokens against a JWKS served over local HTTP (as a Keycloak realm serves
 * its certs): role and agency from claims; expired tokens, tokens signed by another key
 * and tokens from another issuer are refused.
 */
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, type JWTPayload, type KeyLike, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { startTestHub, type TestHub, testConfig } from '../../support/hub';

let db: TestDatabase;
let hub: TestHub;
let jwksServer: Server;
let issuer: string;
let signingKey: KeyLike;
let otherKey: KeyLike;
let jwksRequests = 0;

beforeAll(async () => {
  const realm = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  signingKey = realm.privateKey;
  otherKey = stranger.privateKey;
  const jwk = { ...(await exportJWK(realm.publicKey)), kid: 'realm-1', alg: 'RS256', use: 'sig' };
  jwksServer = createServer((req, res) => {
    jwksRequests++;
    if (req.url !== '/realms/tinh/protocol/openid-connect/certs') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => jwksServer.listen(0, '127.0.0.1', r));
  issuer = `http://127.0.0.1:${(jwksServer.address() as { port: number }).port}/realms/tinh`;
  db = await createTestDatabase();
  hub = await startTestHub(
    db,
    testConfig({ OIDC_ISSUER: issuer, OIDC_AUDIENCE: 'tthc-hub', OIDC_ROLE_CLAIM: 'realm_access.roles' }),
  );
});
afterAll(async () => {
  await hub.close();
  await db.drop();
  await new Promise((r) => jwksServer.close(r));
});

async function token(
  claims: JWTPayload,
  options: { key?: KeyLike; kid?: string; expiresIn?: string | number; iss?: string } = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'realm-1' })
    .setIssuer(options.iss ?? issuer)
    .setAudience('tthc-hub')
    .setSubject('nguyen.van.a')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(options.key ?? signingKey);
}

async function ask(query: string, bearer: string) {
  const res = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query }),
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      data?: unknown;
      errors?: { message: string; extensions: Record<string, unknown> }[];
    },
  };
}

describe('OIDC bearer tokens', () => {
  it('give the role named in the configured claim', async () => {
    const viewer = await token({ realm_access: { roles: ['offline_access', 'hub-viewer'] } });
    const ok = await ask('{ sources { source } }', viewer);
    expect(ok.status).toBe(200);
    expect(ok.body.errors).toBeUndefined();
    const ledger = await ask('{ syncRuns(first: 1) { totalCount } }', viewer);
    expect(ledger.status).toBe(403);
    expect(ledger.body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const integrator = await token({ realm_access: { roles: ['VIEWER', 'INTEGRATOR'] } });
    expect((await ask('{ syncRuns(first: 1) { totalCount } }', integrator)).status).toBe(200);
    expect(jwksRequests).toBeGreaterThan(0);
  });

  it("tell the console, through viewer, the token's role, agency and pii grant", async () => {
    const bearer = await token({
      realm_access: { roles: ['hub-auditor'] },
      hub_agency: '000.00.12.H21',
      hub_pii: true,
    });
    const r = await ask(
      '{ viewer { name role credential capabilities pii metrics introspection agencyCode } }',
      bearer,
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data).toEqual({
      viewer: {
        name: 'oidc:nguyen.van.a',
        role: 'AUDITOR',
        credential: 'TOKEN',
        capabilities: ['READ', 'FINDINGS', 'REVIEW'],
        pii: true,
        metrics: false,
        introspection: false,
        agencyCode: '000.00.12.H21',
      },
    });
  });

  it('refuse an expired token, one signed by another key, one from another issuer, and one with no hub role', async () => {
    const cases: [string, string, RegExp][] = [
      [
        'expired',
        await token(
          { realm_access: { roles: ['VIEWER'] } },
          { expiresIn: Math.floor(Date.now() / 1000) - 120 },
        ),
        /expired/,
      ],
      ['other key', await token({ realm_access: { roles: ['ADMIN'] } }, { key: otherKey }), /not valid/],
      [
        'other key, unknown kid',
        await token({ realm_access: { roles: ['ADMIN'] } }, { key: otherKey, kid: 'x' }),
        /not valid/,
      ],
      [
        'other issuer',
        await token({ realm_access: { roles: ['ADMIN'] } }, { iss: 'http://evil.example/realms/tinh' }),
        /iss/,
      ],
      ['no role', await token({ realm_access: { roles: ['offline_access'] } }), /no hub role/],
      ['not a token', 'abc.def.ghi', /not valid/],
    ];
    for (const [name, bearer, message] of cases) {
      const r = await ask('{ sources { source } }', bearer);
      expect(r.status, name).toBe(401);
      expect(r.body.errors?.[0]?.extensions.code, name).toBe('UNAUTHENTICATED');
      expect(r.body.errors?.[0]?.message, name).toMatch(message);
    }
    // The hub still answers a good token afterwards.
    expect(
      (await ask('{ sources { source } }', await token({ realm_access: { roles: ['VIEWER'] } }))).status,
    ).toBe(200);
  });
});
