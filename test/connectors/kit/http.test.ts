import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../connectors/kit/errors';
import { createHttpClient, type HttpClientOptions } from '../../../connectors/kit/http';
import { type Handler, type LocalServer, sendJson, startServer } from './local-server';

const fast = { baseDelayMs: 5, maxDelayMs: 20, maxRetries: 4, timeoutMs: 1_000 };
let server: LocalServer | undefined;
const clients: Array<{ close(): void }> = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server?.close();
  server = undefined;
});

async function setup(handler: Handler, options: Partial<HttpClientOptions> = {}) {
  server = await startServer(handler);
  const warnings: Array<Record<string, unknown>> = [];
  const logger = { warn: (obj: Record<string, unknown>) => warnings.push(obj) };
  const client = createHttpClient({ baseURL: server.url, logger, ...fast, ...options });
  clients.push(client);
  return { client, warnings, server };
}

/** Fails the first `times` calls with `fail`, then answers `{ ok: n }`. */
function failingFirst(times: number, fail: Handler): Handler {
  let calls = 0;
  return (req, res, body) => {
    calls += 1;
    if (calls <= times) return fail(req, res, body);
    sendJson(res, 200, { ok: calls });
  };
}

describe('createHttpClient', () => {
  it.each([500, 502, 503])('retries HTTP %i and succeeds', async (status) => {
    const { client, warnings } = await setup(failingFirst(2, (_q, res) => sendJson(res, status, { e: 1 })));
    await expect(client.request({ url: '/x' })).resolves.toEqual({ ok: 3 });
    expect(client.stats).toMatchObject({ requests: 3, retries: 2, throttled: 0 });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatchObject({ event: 'upstream_retry', reason: `http_${status}`, path: '/x' });
  });

  it('honours Retry-After on 429 and counts it as throttled', async () => {
    const { client, warnings } = await setup(
      failingFirst(1, (_q, res) => sendJson(res, 429, {}, { 'retry-after': '0.2' })),
    );
    const started = Date.now();
    await expect(client.request({ url: '/x' })).resolves.toEqual({ ok: 2 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(client.stats).toMatchObject({ requests: 2, retries: 1, throttled: 1 });
    expect(warnings[0]).toMatchObject({ waitMs: 200 });
  });

  it('times out a slow response and retries it', async () => {
    const { client } = await setup(
      failingFirst(1, (_q, res) => {
        setTimeout(() => sendJson(res, 200, { late: true }), 400);
      }),
      { timeoutMs: 100 },
    );
    await expect(client.request({ url: '/x' })).resolves.toEqual({ ok: 2 });
    expect(client.stats.retries).toBe(1);
  });

  it('times out a body that trickles in slower than the deadline', async () => {
    const { client } = await setup(
      (_q, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"a":');
        const timer = setInterval(() => res.write(' '), 20);
        res.on('close', () => clearInterval(timer));
      },
      { timeoutMs: 100, maxRetries: 1 },
    );
    await expect(client.request({ url: '/x' })).rejects.toMatchObject({ code: 'timeout' });
    expect(client.stats.requests).toBe(2);
  });

  it('retries a connection destroyed mid-body', async () => {
    const { client, warnings } = await setup(
      failingFirst(1, (_q, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
        res.write('{"items":[{"a":1},');
        setTimeout(() => res.socket?.destroy(), 10);
      }),
    );
    await expect(client.request({ url: '/x' })).resolves.toEqual({ ok: 2 });
    expect(warnings).toHaveLength(1);
  });

  it('retries a non-JSON body as bad_body without logging the body', async () => {
    const { client, warnings } = await setup(
      failingFirst(1, (_q, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html>Nguyễn Văn A 052090001234</html>');
      }),
    );
    await expect(client.request({ url: '/x' })).resolves.toEqual({ ok: 2 });
    expect(warnings[0]).toMatchObject({ reason: 'bad_body' });
    expect(JSON.stringify(warnings)).not.toContain('052090001234');
  });

  it('gives up after maxRetries and throws the last error', async () => {
    const { client } = await setup((_q, res) => sendJson(res, 503, {}), { maxRetries: 2 });
    await expect(client.request({ url: '/x' })).rejects.toMatchObject({ code: 'http_503', status: 503 });
    expect(client.stats).toMatchObject({ requests: 3, retries: 2 });
  });

  it('does not retry a 404', async () => {
    const { client } = await setup((_q, res) => sendJson(res, 404, {}));
    await expect(client.request({ url: '/x' })).rejects.toBeInstanceOf(ConnectorError);
    expect(client.stats).toMatchObject({ requests: 1, retries: 0 });
  });

  it('retries a refused connection', async () => {
    const { client } = await setup((_q, res) => sendJson(res, 200, {}), { maxRetries: 1 });
    await server?.close();
    await expect(client.request({ url: '/x' })).rejects.toMatchObject({ code: 'network_error' });
    expect(client.stats).toMatchObject({ requests: 2, retries: 1 });
  });

  it('sends JSON and form bodies and query params', async () => {
    const seen: Array<{ type: string | undefined; body: string; url: string | undefined }> = [];
    const { client } = await setup((req, res, body) => {
      seen.push({ type: req.headers['content-type'], body, url: req.url });
      sendJson(res, 200, {});
    });
    await client.request({ url: '/j', json: { a: 'ế' } });
    await client.request({ url: '/f', form: { grant_type: 'client_credentials', x: 'a b+' } });
    await client.request({ url: '/q', params: { from: '2020-01-01T00:00:00+0700', skip: undefined } });
    expect(seen[0]).toEqual({ type: 'application/json', body: '{"a":"ế"}', url: '/j' });
    expect(seen[1]).toEqual({
      type: 'application/x-www-form-urlencoded',
      body: 'grant_type=client_credentials&x=a+b%2B',
      url: '/f',
    });
    expect(seen[2]?.url).toBe('/q?from=2020-01-01T00:00:00%2B0700');
  });

  it('lets classify reject an HTTP 200 envelope, retrying only retryable codes', async () => {
    const { client } = await setup(failingFirst(1, (_q, res) => sendJson(res, 200, { error_code: -500 })));
    const classify = (data: unknown): void => {
      const code = (data as { error_code?: number }).error_code;
      if (code !== undefined && code !== 0) {
        throw new ConnectorError('upstream_error', `code ${code}`, { retryable: code === -500 });
      }
    };
    await expect(client.request({ url: '/x', classify })).resolves.toEqual({ ok: 2 });
    expect(client.stats.retries).toBe(1);
  });
});
