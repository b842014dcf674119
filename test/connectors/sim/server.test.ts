import { afterEach, describe, expect, it } from 'vitest';
import type { FaultKind } from '../../../connectors/sim/kit/faults';
import { type SimServer, startSimServer } from '../../../connectors/sim/kit/server';

let server: SimServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const BIG = { items: Array.from({ length: 200 }, (_, i) => ({ i, name: `Thủ tục ${i}` })) };

async function start(options: { maxInFlight?: number; slowMs?: number } = {}): Promise<SimServer> {
  server = await startSimServer({
    faults: { retryAfterSeconds: 0, slowMs: options.slowMs ?? 300 },
    maxInFlight: options.maxInFlight,
    routes: [
      { method: 'GET', path: '/big', handle: () => ({ body: BIG }) },
      {
        method: 'POST',
        path: '/echo',
        faults: () => ['errorcode'],
        handle: (req) => ({ body: { got: req.body, fault: req.fault } }),
      },
    ],
  });
  return server;
}

async function hit(s: SimServer, fault: FaultKind): Promise<Response> {
  s.faults.enqueue(fault);
  return fetch(`${s.url}/big`);
}

describe('simulator server', () => {
  it('serves JSON routes, parses JSON and form bodies, counts per route', async () => {
    const s = await start();
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const json = await fetch(`${s.url}/echo`, { method: 'POST', body: JSON.stringify({ a: 1 }) });
    expect(await json.json()).toEqual({ got: { a: 1 }, fault: null });
    const form = await fetch(`${s.url}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=x',
    });
    expect(await form.json()).toMatchObject({ got: { grant_type: 'client_credentials', client_id: 'x' } });
    expect((await fetch(`${s.url}/nothing`)).status).toBe(404);
    expect((await fetch(`${s.url}/echo`, { method: 'POST', body: '{oops' })).status).toBe(400);
    expect(s.stats.byRoute['POST /echo']).toBe(3);
    expect(s.stats.requests).toBe(4);
  });

  it.each([
    ['http500', 500],
    ['http502', 502],
    ['http503', 503],
  ] as const)('injects %s', async (fault, status) => {
    const s = await start();
    const res = await hit(s, fault);
    expect(res.status).toBe(status);
    await res.text();
    expect(s.stats.faults[fault]).toBe(1);
    expect((await fetch(`${s.url}/big`)).status).toBe(200);
  });

  it('injects 429 with Retry-After', async () => {
    const s = await start();
    const res = await hit(s, 'rate429');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('0');
  });

  it('answers slower than the client waits', async () => {
    const s = await start({ slowMs: 5_000 });
    s.faults.enqueue('slow');
    const started = Date.now();
    await expect(fetch(`${s.url}/big`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(4_000); // the client gave up long before the answer
  });

  it('resets the connection mid-body', async () => {
    const s = await start();
    const res = await hit(s, 'reset');
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it('sends a truncated body and a non-JSON body', async () => {
    const s = await start();
    const truncated = await hit(s, 'truncated');
    const text = await truncated.text();
    expect(text.length).toBeGreaterThan(10);
    expect(() => JSON.parse(text)).toThrow();
    const html = await hit(s, 'nonjson');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    await expect(html.json()).rejects.toThrow();
  });

  it('hands protocol faults to the route', async () => {
    const s = await start();
    s.faults.enqueue('errorcode');
    const res = await fetch(`${s.url}/echo`, { method: 'POST', body: '{}' });
    expect(await res.json()).toMatchObject({ fault: 'errorcode' });
  });

  it('answers 429 above the in-flight limit and records the peak', async () => {
    const s = await start({ maxInFlight: 3, slowMs: 150 });
    s.faults.configure({ rates: { slow: 1 }, retryAfterSeconds: 1, slowMs: 150 });
    const responses = await Promise.all(Array.from({ length: 8 }, () => fetch(`${s.url}/big`)));
    const statuses = responses.map((r) => r.status);
    await Promise.all(responses.map((r) => r.text()));
    expect(statuses.filter((c) => c === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((c) => c === 200).length).toBeGreaterThan(0);
    expect(s.stats.throttled).toBe(statuses.filter((c) => c === 429).length);
    expect(s.stats.peakInFlight).toBeGreaterThan(3);
    const throttled = responses.find((r) => r.status === 429);
    expect(throttled?.headers.get('retry-after')).toBe('1');
  });

  it('closes cleanly with a slow response pending', async () => {
    const s = await start({ slowMs: 10_000 });
    s.faults.enqueue('slow');
    const pending = fetch(`${s.url}/big`).then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await s.close();
    server = null;
    expect(Date.now() - started).toBeLessThan(5_000); // not the 10 s the slow answer would take
    expect(await pending).toBe('failed');
  });
});
