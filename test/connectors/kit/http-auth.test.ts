import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../connectors/kit/errors';
import {
  type AuthHook,
  type AuthMaterial,
  createHttpClient,
  type HttpClient,
} from '../../../connectors/kit/http';
import { type LocalServer, sendJson, startServer } from './local-server';

const fast = { baseDelayMs: 5, maxDelayMs: 20, maxRetries: 3, timeoutMs: 1_000 };
let server: LocalServer | undefined;
let client: HttpClient | undefined;

afterEach(async () => {
  client?.close();
  await server?.close();
});

/** A token API: `/token` issues `t1`, `t2`…; data calls accept only the newest token. */
async function tokenServer(options: { expireAfterCalls?: number; alwaysRefuse?: boolean; delayMs?: number }) {
  const state = { issued: 0, dataCalls: 0, inFlight: 0, maxInFlight: 0 };
  server = await startServer((req, res) => {
    if (req.url === '/token') {
      state.issued += 1;
      return sendJson(res, 200, { access_token: `t${state.issued}` });
    }
    state.dataCalls += 1;
    state.inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    const current = `Bearer t${state.issued}`;
    const expired = options.expireAfterCalls !== undefined && state.dataCalls === options.expireAfterCalls;
    if (expired) state.issued += 1; // the server rotates: the old token is now invalid
    setTimeout(() => {
      state.inFlight -= 1;
      if (options.alwaysRefuse || expired || req.headers.authorization !== current) {
        return sendJson(res, 401, { error: 'invalid_token' });
      }
      sendJson(res, 200, { ok: true });
    }, options.delayMs ?? 0);
  });
  return state;
}

/**
 * The pattern connectors use: lazy login shared by the calls waiting for it, a failed login
 * not kept, and refresh only if the failed call used the current token.
 */
function bearerAuth(getClient: () => HttpClient): AuthHook & { logins: number } {
  let token: Promise<string> | null = null;
  const hook = {
    logins: 0,
    headers: async (): Promise<Record<string, string>> => {
      token ??= (async () => {
        hook.logins += 1;
        const data = (await getClient().request({ url: '/token', method: 'POST', noAuth: true })) as {
          access_token: string;
        };
        return data.access_token;
      })();
      const login = token;
      try {
        return { authorization: `Bearer ${await login}` };
      } catch (error) {
        if (token === login) token = null; // a failed login is not kept: the next call tries again
        throw error;
      }
    },
    isAuthError: (error: unknown) => error instanceof ConnectorError && error.status === 401,
    refresh: async (used?: AuthMaterial): Promise<void> => {
      const current = token ? `Bearer ${await token}` : undefined;
      if (used?.headers.authorization === current) token = null;
    },
  };
  return hook;
}

describe('auth hook', () => {
  it('refreshes once on an expired token and repeats the call', async () => {
    const state = await tokenServer({ expireAfterCalls: 2 });
    const warnings: Array<Record<string, unknown>> = [];
    const auth = bearerAuth(() => client as HttpClient);
    client = createHttpClient({
      baseURL: server!.url,
      auth,
      logger: { warn: (o) => warnings.push(o) },
      ...fast,
    });
    await client.request({ url: '/a' });
    await expect(client.request({ url: '/b' })).resolves.toEqual({ ok: true });
    expect(auth.logins).toBe(2);
    expect(state.dataCalls).toBe(3);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ reason: 'auth_expired' });
    expect(JSON.stringify(warnings)).not.toMatch(/Bearer|t1/);
  });

  it('fails when fresh credentials are refused too, after 3 refreshes by default', async () => {
    await tokenServer({ alwaysRefuse: true });
    const auth = bearerAuth(() => client as HttpClient);
    client = createHttpClient({ baseURL: server!.url, auth, ...fast });
    await expect(client.request({ url: '/a' })).rejects.toMatchObject({
      code: 'auth_rejected_after_refresh',
    });
    expect(auth.logins).toBe(4);
  });

  it('by default, survives the token expiring again while the call is repeated', async () => {
    // Two expiries in a row for one call: the second is another rotation (many calls in
    // flight, a short-lived token), not a refusal of good credentials.
    const state = { issued: 0, refusals: 0 };
    server = await startServer((req, res) => {
      if (req.url === '/token') {
        state.issued += 1;
        return sendJson(res, 200, { access_token: `t${state.issued}` });
      }
      if (state.refusals < 2) {
        state.refusals += 1;
        return sendJson(res, 401, { error: 'invalid_token' });
      }
      sendJson(res, 200, { ok: true });
    });
    const auth = bearerAuth(() => client as HttpClient);
    client = createHttpClient({ baseURL: server.url, auth, ...fast });
    await expect(client.request({ url: '/a' })).resolves.toEqual({ ok: true });
    expect(auth.logins).toBe(3);
  });

  it('allows more refreshes per call when the connector asks for them', async () => {
    await tokenServer({ alwaysRefuse: true });
    const auth = bearerAuth(() => client as HttpClient);
    client = createHttpClient({ baseURL: server!.url, auth, maxAuthRefreshes: 2, ...fast });
    await expect(client.request({ url: '/a' })).rejects.toMatchObject({
      code: 'auth_rejected_after_refresh',
    });
    expect(auth.logins).toBe(3);
  });

  it('logs in once when many calls in flight see the same expiry', async () => {
    const state = await tokenServer({ expireAfterCalls: 1, delayMs: 20 });
    const auth = bearerAuth(() => client as HttpClient);
    client = createHttpClient({ baseURL: server!.url, auth, ...fast });
    // The first call expires t1 while the others still carry it.
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => client!.request({ url: `/p${i}` })),
    );
    expect(results).toHaveLength(8);
    expect(auth.logins).toBe(2);
    expect(state.issued).toBe(3); // t1, the server's rotation to t2, and our one fresh login
  });
});

describe('auth material goes through the retry decision', () => {
  /** A hook that gets its token itself (plain fetch, its own parsing), as a connector may. */
  function fetchingAuth(url: () => string): AuthHook & { tries: number } {
    const hook = {
      tries: 0,
      headers: async (): Promise<Record<string, string>> => {
        hook.tries += 1;
        const response = await fetch(`${url()}/token`, { method: 'POST' });
        if (response.status !== 200) {
          throw new ConnectorError(`http_${response.status}`, 'token endpoint failed', {
            status: response.status,
            retryable: response.status >= 500,
          });
        }
        const body = JSON.parse(await response.text()) as { access_token: string };
        return { authorization: `Bearer ${body.access_token}` };
      },
      isAuthError: (error: unknown) => error instanceof ConnectorError && error.status === 401,
      refresh: async (): Promise<void> => {},
    };
    return hook;
  }

  async function flakyTokenServer(first: (res: import('node:http').ServerResponse) => void) {
    const state = { tokenCalls: 0, dataCalls: 0 };
    server = await startServer((req, res) => {
      if (req.url === '/token') {
        state.tokenCalls += 1;
        if (state.tokenCalls === 1) return first(res);
        return sendJson(res, 200, { access_token: 'good' });
      }
      state.dataCalls += 1;
      sendJson(res, req.headers.authorization === 'Bearer good' ? 200 : 401, { ok: true });
    });
    return state;
  }

  it('retries a call whose token answer does not parse', async () => {
    const state = await flakyTokenServer((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"access_tok');
    });
    const warnings: Array<Record<string, unknown>> = [];
    const auth = fetchingAuth(() => server!.url);
    client = createHttpClient({
      baseURL: server!.url,
      auth,
      logger: { warn: (o) => warnings.push(o) },
      ...fast,
    });
    await expect(client.request({ url: '/a' })).resolves.toEqual({ ok: true });
    expect(auth.tries).toBe(2);
    expect(state.dataCalls).toBe(1);
    expect(client.stats.retries).toBe(1);
    expect(warnings[0]).toMatchObject({ reason: 'bad_body' });
  });

  it('retries a call whose token endpoint answered 503, and not a 400', async () => {
    await flakyTokenServer((res) => sendJson(res, 503, { error: 'unavailable' }));
    const auth = fetchingAuth(() => server!.url);
    client = createHttpClient({ baseURL: server!.url, auth, ...fast });
    await expect(client.request({ url: '/a' })).resolves.toEqual({ ok: true });
    expect(auth.tries).toBe(2);
    await server?.close();
    await flakyTokenServer((res) => sendJson(res, 400, { error: 'invalid_request' }));
    const refused = fetchingAuth(() => server!.url);
    client.close();
    client = createHttpClient({ baseURL: server!.url, auth: refused, ...fast });
    await expect(client.request({ url: '/a' })).rejects.toMatchObject({ code: 'http_400' });
    expect(refused.tries).toBe(1);
  });

  it('does not retry again a token request this client already retried to the end', async () => {
    const state = { tokenCalls: 0 };
    server = await startServer((_req, res) => {
      state.tokenCalls += 1;
      sendJson(res, 503, { error: 'unavailable' });
    });
    const auth = bearerAuth(() => client as HttpClient);
    client = createHttpClient({ baseURL: server.url, auth, ...fast });
    await expect(client.request({ url: '/a' })).rejects.toMatchObject({ code: 'http_503' });
    // One retry budget (maxRetries 3: four calls), not one per retry of the data call.
    expect(state.tokenCalls).toBe(fast.maxRetries + 1);
  });
});

describe('concurrency cap', () => {
  it.each([
    [undefined, 10],
    [3, 3],
  ])('keeps at most %s (→ %i) requests in flight', async (concurrency, cap) => {
    // Each answer waits long enough for the whole first wave to be in flight together, even
    // on a machine loaded enough to open the connections slowly (15 ms was too short there).
    const state = await tokenServer({ delayMs: 150 });
    client = createHttpClient({
      baseURL: server!.url,
      ...fast,
      ...(concurrency ? { concurrency } : {}),
      headers: { authorization: 'Bearer t0' },
    });
    await Promise.all(Array.from({ length: 30 }, () => client!.request({ url: '/p' })));
    expect(state.maxInFlight).toBe(cap);
    expect(client.stats.requests).toBe(30);
  });
});
