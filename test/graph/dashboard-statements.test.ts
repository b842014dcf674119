/**
 * Issue 9: each benchmark query (test/bench/graph/queries.ts, the hub's side) costs a
 * fixed, small number of SQL statements, whatever `first` asks for. Statements are
 * counted at the ORM's query log, which the graph's raw reads go through too.
 */
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { type Orm, openOrm } from '../../src/db/orm';
import { createLogger } from '../../src/log';
import { type Simulators, startSimulators } from '../../src/simulate';
import { type BenchQuery, benchParams, benchQueries } from '../bench/graph/queries';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestHub, type TestHub, testConfig } from '../support/hub';

let db: TestDatabase;
let sims: Simulators;
let counting: Orm;
let hub: TestHub;
let queries: BenchQuery[];
let statements = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  const log = createLogger('silent');
  const simConfig = loadConfig({
    HUB_SIMULATE: '1',
    LOG_LEVEL: 'silent',
    PII_SALT: 'test-salt-0123456789abcdef',
    SIM_PROCEDURES: '80',
    SIM_DOSSIERS: '400',
    SIM_FEEDBACKS: '300',
  });
  sims = await startSimulators(simConfig, log);
  const syncing = await startTestHub(
    db,
    testConfig({ NATIONAL_URL: sims.urls.national, IGATE_URL: sims.urls.igate, PAKN_URL: sims.urls.pakn }),
  );
  for (const source of ['NATIONAL', 'IGATE', 'PAKN'] as const) {
    const run = await syncing.services.sync.run(source, { trigger: 'CLI', full: true });
    expect(run.status).toBe('SUCCEEDED');
  }
  await syncing.close();
  counting = await openOrm(db.url, undefined, { debug: ['query'], logger: () => statements++ });
  hub = await startTestHub({ ...db, orm: counting });
  const c = new Client({ connectionString: db.url });
  await c.connect();
  queries = benchQueries(await benchParams(c, 200), '');
  await c.end();
}, 120_000);

afterAll(async () => {
  await hub?.close();
  await counting?.close(true);
  await sims?.close();
  await db?.drop();
});

/** Statements of one request, and how many items its main list answered. */
async function statementsOf(q: BenchQuery, n: number): Promise<{ statements: number; data: unknown }> {
  statements = 0;
  const r = await hub.gql(q.hub.query, { ...q.hub.variables, n });
  expect(r.errors).toBeUndefined();
  return { statements, data: r.data };
}

const size = (data: unknown): number => {
  const list = Object.values(data as Record<string, { edges?: unknown[]; totalCount?: number }>)[0];
  return list?.edges?.length ?? 0;
};

describe('SQL statements per dashboard query', () => {
  // What each costs: one statement for the page and the relations it asks for (answered
  // in the page's own statement, src/graph/prefetch.ts), one more for a count.
  it.each([
    [0, 1, 'dossiers, with their procedures and listings in the same statement'],
    [1, 1, 'procedures, with their listings and national records in the same statement'],
    [2, 1, 'the page after the cursor'],
    [3, 1, 'the count (first: 0 reads no page)'],
    [4, 1, 'the agencies, with every agency’s count in the same statement'],
    [5, 2, 'the feedback page with its procedures, and the count'],
  ])('query %i costs %i statements (%s), for first 3 as for first 40', async (index, expected) => {
    const q = queries[index]!;
    const small = await statementsOf(q, 3);
    const large = await statementsOf(q, 40);
    if (index !== 3) expect(size(large.data)).toBeGreaterThan(size(small.data));
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBe(expected);
  });
});
