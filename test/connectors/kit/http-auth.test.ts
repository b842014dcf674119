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

/** The pattern connectors use: lazy login, and refresh only if the failed call used the current token. */
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
      return { authorization: `Bearer ${await token}` };
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

  it('fails when the fresh credentials are refused too', async () => {
    await tokenServer({ alwaysRefuse: true });
    const auth = bearerAuth(() => client as HttpClient);
    client = createHttpClient({ baseURL: server!.url, auth, ...fast });
    await expect(client.request({ url: '/a' })).rejects.toMatchObject({
      code: 'auth_rejected_after_refresh',
    });
    expect(auth.logins).toBe(2);
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

describe('concurrency cap', () => {
  it.each([
    [undefined, 10],
    [3, 3],
  ])('keeps at most %s (→ %i) requests in flight', async (concurrency, cap) => {
    const state = await tokenServer({ delayMs: 15 });
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
