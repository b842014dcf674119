/** The hub serves the built console at /console, with its assets and no other origin. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_DIST } from '../../src/console-assets';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestHub, type TestHub } from '../support/hub';

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
      expect(await r.text()).toContain('<div id="root">');
    }
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
