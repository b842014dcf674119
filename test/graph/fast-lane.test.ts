/**
 * The fast lane (src/graph/fast-lane.ts): a query Apollo has parsed and validated once is
 * answered without Apollo's pipeline when it comes again as a plain JSON POST, with the
 * very bytes and headers Apollo would send; everything else is left to Apollo, and a
 * request the lane hands over is charged to the key once.
 */
import { HeaderMap } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NationalSimulator, startNationalSimulator } from '../../connectors/sim/national/simulator';
import { loadConfig } from '../../src/config';
import type { GraphContext } from '../../src/graph/context';
import { fastAnswer } from '../../src/graph/fast-lane';
import { createLogger } from '../../src/log';
import { createKey } from '../../src/modules/keys';
import { createApollo } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestHub, TEST_KEY, type TestHub, testConfig, testServices } from '../support/hub';

let db: TestDatabase;
let sim: NationalSimulator;
let hub: TestHub;

beforeAll(async () => {
  db = await createTestDatabase();
  sim = await startNationalSimulator({ seed: 23, procedures: 12, port: 0 });
  hub = await startTestHub(db, testConfig({ NATIONAL_URL: sim.url }));
  const run = await hub.services.sync.run('NATIONAL', { trigger: 'CLI' });
  expect(run.status).toBe('SUCCEEDED');
}, 60_000);

afterAll(async () => {
  await hub?.close();
  await sim?.close();
  await db?.drop();
});

/** The whole answer as a client sees it: status, content type, the body's bytes. */
async function post(body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(hub.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-api-key': TEST_KEY,
      // Errors carry the request id: the same one each time, so answers compare byte for byte.
      'x-request-id': 'fast-lane-test-0001',
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
}

describe('over HTTP, a query sent again', () => {
  const documents: [string, unknown][] = [
    ['a list', { query: '{ procedures(first: 3) { edges { node { code name } } totalCount } }' }],
    [
      'variables and a named operation among two',
      {
        query: `query A($n: Int!) { procedures(first: $n) { edges { node { code } } } }
                query B { procedures(first: 1) { totalCount } }`,
        variables: { n: 2 },
        operationName: 'A',
      },
    ],
    [
      'aliases and a fragment',
      {
        query:
          '{ a: procedures(first: 1) { ...P } b: procedures(first: 2) { ...P } } fragment P on ProcedureConnection { totalCount }',
      },
    ],
    ['an error in a field', { query: '{ procedures(first: 2, after: "not-a-cursor") { totalCount } }' }],
    [
      'bad variables',
      { query: 'query($n: Int!) { procedures(first: $n) { totalCount } }', variables: { n: 'x' } },
    ],
  ];

  it.each(documents)('%s: is answered with the same status, content type and bytes', async (_name, body) => {
    const first = await post(body);
    const again = await post(body);
    const third = await post(body);
    expect(again).toEqual(first);
    expect(third).toEqual(first);
  });

  it('keeps the answer Apollo gives for another Accept', async () => {
    const body = { query: '{ procedures(first: 1) { totalCount } }' };
    await post(body);
    const wanted = await post(body, { accept: 'application/graphql-response+json' });
    expect(wanted.type).toBe('application/graphql-response+json; charset=utf-8');
    expect(JSON.parse(wanted.body)).toEqual(JSON.parse((await post(body)).body));
  });
});

describe('what the lane answers itself', () => {
  /** The lane beside an Apollo of its own, over the test database. */
  async function lane() {
    const config = loadConfig({
      ...process.env,
      LOG_LEVEL: 'silent',
      PII_SALT: 'test-salt-0123456789abcdef',
    });
    const made = await createApollo(createLogger('silent'), config.security.limits);
    const context = (): GraphContext => ({
      principal: {
        name: 'bootstrap',
        role: 'ADMIN',
        pii: false,
        metrics: false,
        agency: null,
        ratePerMinute: null,
        via: 'bootstrap',
      },
      scope: { agencyCodes: null },
      requestId: 'test-request-0001',
      em: db.orm.em.fork(),
      log: createLogger('silent'),
      services: testServices(db, testConfig()),
      loaders: new Map(),
    });
    const json = new HeaderMap([['content-type', 'application/json']]);
    /** Apollo's answer, which also makes the document known. */
    const viaApollo = async (body: Record<string, unknown>) => {
      const r = await made.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers: json, search: '', body },
        context: async () => context(),
      });
      return r.body.kind === 'complete' ? r.body.string : null;
    };
    return { ...made, context, json, viaApollo };
  }

  it('answers a known query with the body Apollo wrote, and leaves everything else', async () => {
    const l = await lane();
    const query = '{ procedures(first: 2) { edges { node { code } } } }';
    const answer = (body: unknown, headers = l.json, method = 'POST') =>
      fastAnswer(l.lane, method, body, headers, l.context());

    expect(await answer({ query })).toBeNull(); // not seen yet
    const apollo = await l.viaApollo({ query });
    expect(await answer({ query })).toBe(apollo);
    expect(await answer({ query, variables: null, operationName: null })).toBe(apollo);

    expect(await answer([{ query }])).toBeNull(); // a batch
    expect(await answer({ query }, l.json, 'GET')).toBeNull();
    expect(await answer({ query, extensions: {} })).toBeNull();
    expect(await answer({ query: `${query} ` })).toBeNull(); // another text
    const graphqlJson = new HeaderMap([
      ['content-type', 'application/json'],
      ['accept', 'application/graphql-response+json'],
    ]);
    expect(await answer({ query }, graphqlJson)).toBeNull();

    const failing = '{ procedures(first: 1, after: "nope") { totalCount } }';
    await l.viaApollo({ query: failing });
    expect(await answer({ query: failing })).toBeNull(); // errors: Apollo formats them

    await l.apollo.stop();
  });

  it('leaves mutations to Apollo', async () => {
    const l = await lane();
    // Valid, so Apollo reaches the executor with it; no such finding, so nothing changes.
    const mutation = 'mutation { acknowledgeFinding(id: "0", note: "x") { id } }';
    await l.viaApollo({ query: mutation });
    expect(await fastAnswer(l.lane, 'POST', { query: mutation }, l.json, l.context())).toBeNull();
    await l.apollo.stop();
  });
});

describe('the rate budget', () => {
  it('is charged once for a request the lane hands over to Apollo', async () => {
    const { key } = await createKey(db.orm.em.fork(), {
      name: 'lane-budget',
      role: 'VIEWER',
      pii: false,
      metrics: false,
      agencyCode: null,
      ratePerMinute: 100_000,
    });
    const spent = async () => {
      const [row] = await db.orm.em
        .fork()
        .execute<{ cost: number | null }[]>(
          `select sum(cost)::int as cost from rate_window where key_name = 'lane-budget'`,
        );
      return Number(row?.cost ?? 0);
    };
    // Answered by the lane the second time, handed over (an error) the third time.
    const ok = '{ procedures(first: 3) { totalCount } }';
    const failing = '{ procedures(first: 3, after: "nope") { totalCount } }';
    for (const q of [ok, ok, failing, failing]) await hub.gql(q, {}, key);
    const each = await spent();
    expect(each % 4).toBe(0);
    for (const q of [ok, failing]) await hub.gql(q, {}, key);
    expect(await spent()).toBe((each / 4) * 6);
  });
});
