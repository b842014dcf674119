import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/log';
import { type HubServer, startServer } from '../src/server';
import { createTestDatabase, type TestDatabase } from './support/db';
import { TEST_KEY, testConfig, testServices } from './support/hub';

describe('the HTTP server', () => {
  let db: TestDatabase;
  let server: HubServer;
  let demo: HubServer;
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const common = {
      orm: db.orm,
      services: testServices(db, testConfig()),
      log: createLogger('silent'),
      port: 0,
      host: '127.0.0.1',
      adminKey: TEST_KEY,
    };
    server = await startServer({ ...common, exposeKeyInGraphiql: false });
    demo = await startServer({ ...common, exposeKeyInGraphiql: true });
    base = server.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await server.close();
    await demo.close();
    await db.drop();
  });

  it('answers health to anyone, readiness and metrics only with a key', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/readyz`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    const withKey = { headers: { 'x-api-key': TEST_KEY } };
    expect(await (await fetch(`${base}/readyz`, withKey)).json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', migrations: 'ok' },
    });
    const metrics = await (await fetch(`${base}/metrics`, withKey)).text();
    expect(metrics).toContain('hub_up 1');
    expect(metrics).toContain('# TYPE hub_sync_runs gauge');
  });

  it('serves GraphiQL from the package (no CDN), with the key filled in only in simulated mode', async () => {
    const page = await (await fetch(server.url, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('/graphiql/graphiql.js');
    expect(page).not.toMatch(/https?:\/\/(unpkg|cdn|esm)/);
    expect(page).not.toContain(TEST_KEY);
    const demoPage = await (await fetch(demo.url, { headers: { accept: 'text/html' } })).text();
    expect(demoPage).toContain(TEST_KEY);
    for (const asset of ['graphiql.js', 'graphiql.css', 'react.js', 'react-dom.js']) {
      const res = await fetch(`${base}/graphiql/${asset}`);
      expect(res.status, asset).toBe(200);
      expect((await res.arrayBuffer()).byteLength, asset).toBeGreaterThan(1000);
    }
  });

  it('says what is wrong with a malformed request, without crashing', async () => {
    const notJson = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': TEST_KEY },
      body: '{"query": ',
    });
    expect(notJson.status).toBe(400);
    const huge = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': TEST_KEY },
      body: JSON.stringify({ query: `{ procedures { totalCount } } #${'x'.repeat(1_100_000)}` }),
    });
    expect(huge.status).toBe(413);
    const parse = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': TEST_KEY },
      body: JSON.stringify({ query: '{ procedures(first: ) }' }),
    });
    const body = (await parse.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
  });

  it('keeps CSRF prevention: a GET query without a preflight header is refused', async () => {
    const res = await fetch(`${server.url}?query=${encodeURIComponent('{ sources { source } }')}`, {
      headers: { 'x-api-key': TEST_KEY },
    });
    expect(res.status).toBe(400);
    const ok = await fetch(`${server.url}?query=${encodeURIComponent('{ sources { source } }')}`, {
      headers: { 'x-api-key': TEST_KEY, 'apollo-require-preflight': 'true' },
    });
    expect(ok.status).toBe(200);
  });
});
