/** The hub serves the built console at /console, with its assets and no other origin. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_DIST } from '../../src/console-assets';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestHub, TEST_KEY, type TestHub } from '../support/hub';

describe('the console over HTTP', () => {
  let db: TestDatabase;
  let hub: TestHub;
  const at = (p: string) => fetch(new URL(p, hub.url), { redirect: 'manual' });

  beforeAll(async () => {
    db = await createTestDatabase();
    hub = await startTestHub(db);
  });
  afterAll(async () => {
    await hub.close();
    await db.drop();
  });

  it('redirects /console to /console/ and answers every page path with the app', async () => {
    const bare = await at('/console');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/console/');
    for (const p of ['/console/', '/console/sync?status=HELD', '/console/findings']) {
      const r = await at(p);
      expect(r.status, p).toBe(200);
      expect(r.headers.get('content-type')).toContain('text/html');
      expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
      const html = await r.text();
      expect(html).toContain('<div id="root">');
      // No issuer configured: no issuer sign-in offered, and the page reaches this hub only.
      expect(html).not.toContain('tthc-oidc');
      expect(r.headers.get('content-security-policy')).toContain("connect-src 'self';");
    }
  });

  it('answers exports with the coded errors of the graph', async () => {
    const noKey = await at('/export/findings.xlsx');
    expect(noKey.status).toBe(401);
    expect(
      ((await noKey.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe('UNAUTHENTICATED');
    const withKey = (p: string) => fetch(new URL(p, hub.url), { headers: { 'x-api-key': TEST_KEY } });
    const bad = await withKey('/export/findings.xlsx?severity=URGENT');
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0]!.message).toContain('URGENT');
    expect((await withKey('/export/nothing.csv')).status).toBe(404);
    const empty = await withKey('/export/findings.xlsx?severity=HIGH');
    expect(empty.status).toBe(200);
    expect(empty.headers.get('x-finding-count')).toBe('0');
    expect(
      Buffer.from(await empty.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK'); // a zip: xlsx
  });

  it('serves the hashed assets with long caching, and 404 for missing files or paths outside', async () => {
    const js = readdirSync(path.join(CONSOLE_DIST, 'assets')).find((f) => f.endsWith('.js'))!;
    const r = await at(`/console/assets/${js}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/javascript');
    expect(r.headers.get('cache-control')).toContain('immutable');
    expect((await at('/console/assets/nope.js')).status).toBe(404);
    expect((await at('/console/assets/..%2F..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await at('/console/%2e%2e/%2e%2e/package.json')).status).toBe(404);
  });
});
