/**
 * A small OpenID Connect issuer over local HTTP, as a Keycloak realm looks to a browser:
 * discovery, JWKS, an authorization endpoint that "logs in" the configured user at once and
 * redirects back with a code, and a token endpoint that checks the PKCE verifier before it
 * signs an access token with jose. CORS is open, as a realm's web origins would allow.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export interface IssuerUser {
  sub: string;
  roles: string[];
  agency?: string;
}

export interface TestIssuer {
  /** http://127.0.0.1:<port>/realms/tinh */
  issuer: string;
  clientId: string;
  /** Who logs in at the authorization endpoint next. */
  user: IssuerUser;
  /** When set, the next login is refused with this error_description (access_denied). */
  refuseNext: string | null;
  /** Codes exchanged with a verifier that matched their challenge. */
  exchanges: number;
  /** Refused token requests, with the reason (for a failing test's message). */
  refusals: string[];
  close(): Promise<void>;
}

interface Grant {
  clientId: string;
  redirectUri: string;
  challenge: string;
  user: IssuerUser;
}

const REALM = '/realms/tinh';
const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type' };

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...CORS });
  res.end(JSON.stringify(body));
}

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

export async function startTestIssuer(options: {
  clientId: string;
  audience: string;
  user: IssuerUser;
}): Promise<TestIssuer> {
  const keys = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'console-1', alg: 'RS256', use: 'sig' };
  const grants = new Map<string, Grant>();
  const state: TestIssuer = {
    issuer: '',
    clientId: options.clientId,
    user: options.user,
    refuseNext: null,
    exchanges: 0,
    refusals: [],
    close: async () => {},
  };
  const oidc = `${REALM}/protocol/openid-connect`;

  async function token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = await formOf(req);
    const code = form.get('code') ?? '';
    const grant = grants.get(code);
    grants.delete(code); // one exchange per code
    const refuse = (why: string) => {
      state.refusals.push(why);
      json(res, 400, { error: 'invalid_grant', error_description: why });
    };
    if (form.get('grant_type') !== 'authorization_code') return refuse('grant_type');
    if (!grant) return refuse('unknown or used code');
    if (form.get('client_id') !== grant.clientId) return refuse('client_id');
    if (form.get('redirect_uri') !== grant.redirectUri) return refuse('redirect_uri');
    if (s256(form.get('code_verifier') ?? '') !== grant.challenge) return refuse('PKCE verifier');
    state.exchanges++;
    const accessToken = await new SignJWT({
      realm_access: { roles: grant.user.roles },
      ...(grant.user.agency ? { hub_agency: grant.user.agency } : {}),
      azp: grant.clientId,
    })
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid })
      .setIssuer(state.issuer)
      .setAudience(options.audience)
      .setSubject(grant.user.sub)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(keys.privateKey);
    json(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: 300 });
  }

  function authorize(url: URL, res: ServerResponse): void {
    const q = url.searchParams;
    const redirectUri = q.get('redirect_uri') ?? '';
    if (
      q.get('response_type') !== 'code' ||
      q.get('client_id') !== options.clientId ||
      q.get('code_challenge_method') !== 'S256' ||
      !q.get('code_challenge') ||
      !/^http:\/\/127\.0\.0\.1:\d+\/console\/signin\/callback$/.test(redirectUri)
    ) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad authorization request');
      return;
    }
    const back = new URL(redirectUri);
    if (state.refuseNext) {
      back.search = new URLSearchParams({
        error: 'access_denied',
        error_description: state.refuseNext,
        state: q.get('state') ?? '',
      }).toString();
      state.refuseNext = null;
      res.writeHead(302, { location: back.toString() }).end();
      return;
    }
    const code = randomBytes(16).toString('base64url');
    grants.set(code, {
      clientId: options.clientId,
      redirectUri,
      challenge: q.get('code_challenge')!,
      user: state.user,
    });
    back.search = new URLSearchParams({ code, state: q.get('state') ?? '' }).toString();
    res.writeHead(302, { location: back.toString() }).end();
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'OPTIONS') return void res.writeHead(204, CORS).end();
    if (url.pathname === `${REALM}/.well-known/openid-configuration`) {
      return json(res, 200, {
        issuer: state.issuer,
        authorization_endpoint: `${state.issuer}/protocol/openid-connect/auth`,
        token_endpoint: `${state.issuer}/protocol/openid-connect/token`,
        jwks_uri: `${state.issuer}/protocol/openid-connect/certs`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === `${oidc}/certs`) return json(res, 200, { keys: [jwk] });
    if (url.pathname === `${oidc}/auth` && req.method === 'GET') return authorize(url, res);
    if (url.pathname === `${oidc}/token` && req.method === 'POST') {
      return void token(req, res).catch(() => json(res, 500, { error: 'server_error' }));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}${REALM}`;
  state.close = () => new Promise((r) => server.close(() => r()));
  return state;
}
