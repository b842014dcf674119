import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NationalSimulator, startNationalSimulator } from '../../connectors/sim/national/simulator';
import { openOrm } from '../../src/db/orm';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { type GraphResult, startTestHub, type TestHub, testConfig, testServices } from '../support/hub';

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string };
  edges: { node: { code: string; national: { status: string } } }[];
}

async function count(db: TestDatabase, sql: string): Promise<number> {
  const [row] = await db.orm.em.fork().execute(sql);
  return Number(row?.n);
}

describe('the graph over a synced national catalogue', () => {
  let db: TestDatabase;
  let sim: NationalSimulator;
  let hub: TestHub;

  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await startNationalSimulator({ seed: 7, procedures: 60, port: 0 });
    hub = await startTestHub(db, testConfig({ NATIONAL_URL: sim.url }));
    const run = await hub.services.sync.run('NATIONAL', { trigger: 'CLI' });
    expect(run.errorMessage).toBeNull();
    expect(run.status).toBe('SUCCEEDED');
  });
  afterAll(async () => {
    await hub.close();
    await sim.close().catch(() => {}); // the last test already closed it
    await db.drop();
  });

  it('answers procedures as a Relay connection with totalCount, national details and working cursors', async () => {
    const query = `query($after: String) { procedures(first: 25, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { code name national { status levels channels { channel times { value unit } } } } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 5; i++) {
      const r: GraphResult<{ procedures: Page }> = await hub.gql<{ procedures: Page }>(query, { after });
      expect(r.errors).toBeUndefined();
      const p: Page = r.data!.procedures;
      total = p.totalCount;
      seen.push(...p.edges.map((e) => e.node.code));
      expect(p.edges.every((e) => e.node.national !== null)).toBe(true);
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    const n = await count(db, `select count(*) as n from national_procedure`);
    expect(total).toBe(n);
    expect(seen).toHaveLength(n);
    expect(new Set(seen).size).toBe(n);
    expect([...seen].sort()).toEqual(seen);
  });

  it('filters by search text without diacritics, by level, status and sector', async () => {
    const first = (
      await db.orm.em
        .fork()
        .execute(`select code, name, sector_codes[1] as sector from national_procedure order by code limit 1`)
    )[0]!;
    const words = String(first.name).split(' ').slice(0, 3).join(' ');
    const folded = words
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toUpperCase();
    const r = await hub.gql<{ procedures: { edges: { node: { code: string } }[] } }>(
      `query($s: String, $sector: String) { procedures(first: 500, filter: { search: $s, sector: $sector }) { edges { node { code } } } }`,
      { s: folded, sector: first.sector },
    );
    expect(r.data?.procedures.edges.map((e) => e.node.code)).toContain(first.code);
    const abolished = await hub.gql<{ procedures: { totalCount: number } }>(
      `{ procedures(filter: { status: ABOLISHED }) { totalCount } }`,
    );
    const n = await count(db, `select count(*) as n from national_procedure where not in_force`);
    expect(abolished.data?.procedures.totalCount).toBe(n);
    const commune = await hub.gql<{ procedures: { edges: { node: { national: { levels: string[] } } }[] } }>(
      `{ procedures(first: 500, filter: { level: COMMUNE }) { edges { node { national { levels } } } } }`,
    );
    expect(commune.data?.procedures.edges.length).toBeGreaterThan(0);
    expect(commune.data?.procedures.edges.every((e) => e.node.national.levels.includes('COMMUNE'))).toBe(
      true,
    );
  });

  it('finds one procedure by code and answers null for an unknown one', async () => {
    const row = (await db.orm.em.fork().execute(`select code from national_procedure limit 1`))[0]!;
    const r = await hub.gql<{ a: { code: string } | null; b: null }>(
      `query($c: String!) { a: procedure(code: $c) { code } b: procedure(code: "9.999999") { code } }`,
      { c: row.code },
    );
    expect(r.data).toEqual({ a: { code: row.code }, b: null });
  });

  it('serves the agency tree from the national catalogue', async () => {
    const r = await hub.gql<{
      agencies: {
        totalCount: number;
        edges: { node: { code: string; parent: { code: string }; children: { code: string }[] } }[];
      };
    }>(
      `{ agencies(first: 20, filter: { level: DISTRICT }) { totalCount edges { node { code parent { code } children { code } } } } }`,
    );
    expect(r.data?.agencies.totalCount).toBe(11);
    for (const e of r.data!.agencies.edges) {
      expect(e.node.parent.code).toBe('000.00.00.H21');
      expect(e.node.children.length).toBeGreaterThan(0);
    }
  });

  it('refuses requests without a valid key, and bad arguments, with coded errors', async () => {
    const none = await hub.gql(`{ procedures { totalCount } }`, {}, null);
    expect(none.status).toBe(401);
    expect(none.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const wrong = await hub.gql(`{ procedures { totalCount } }`, {}, 'not-the-key');
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const big = await hub.gql(`{ procedures(first: 501) { totalCount } }`);
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(big.errors?.[0]?.message).toMatch(/500/);
    const cursor = await hub.gql(`{ procedures(after: "garbage") { totalCount } }`);
    expect(cursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const variable = await hub.gql(`query($n: Int) { procedures(first: $n) { totalCount } }`, { n: 'ten' });
    expect(variable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(variable.errors)).not.toMatch(/stack|node_modules/);
  });

  it('loads national records for a page in a constant number of SQL statements', async () => {
    let statements = 0;
    const counting = await openOrm(db.url, undefined, {
      debug: ['query'],
      logger: () => {
        statements++;
      },
    });
    const counted = await startTestHub({ ...db, orm: counting });
    const query = (n: number) =>
      `{ procedures(first: ${n}) { totalCount edges { node { code national { name channels { channel } } } } } }`;
    try {
      statements = 0;
      await counted.gql(query(5));
      const small = statements;
      statements = 0;
      await counted.gql(query(50));
      expect(statements).toBe(small);
      expect(small).toBeLessThanOrEqual(3);
    } finally {
      await counted.close();
      await counting.close(true);
    }
  });

  it('answers confirmDeletions with coded errors when there is nothing to confirm', async () => {
    const missing = await hub.gql(`mutation { confirmDeletions(syncRunId: "999999") { id } }`);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const [run] = await db.orm.em.fork().execute(`select id from sync_run order by id limit 1`);
    const notHeld = await hub.gql(`mutation($id: ID!) { confirmDeletions(syncRunId: $id) { id } }`, {
      id: String(run?.id),
    });
    expect(notHeld.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(notHeld.errors?.[0]?.message).toMatch(/not HELD/);
  });

  it('shows the ledger, the sources and runs a sync on request', async () => {
    const r = await hub.gql<{
      syncRuns: {
        totalCount: number;
        edges: { node: { source: string; status: string; inserted: number; requests: number } }[];
      };
      sources: { source: string; configured: boolean; stale: boolean; lastSuccessAt: string | null }[];
    }>(
      `{ syncRuns(filter: { source: NATIONAL }) { totalCount edges { node { source status inserted requests } } }
         sources { source configured stale lastSuccessAt } }`,
    );
    expect(r.data?.syncRuns.edges[0]?.node).toMatchObject({ source: 'NATIONAL', status: 'SUCCEEDED' });
    expect(r.data?.syncRuns.edges[0]?.node.inserted).toBeGreaterThan(60);
    const national = r.data?.sources.find((s) => s.source === 'NATIONAL');
    expect(national).toMatchObject({ configured: true, stale: false });
    expect(national?.lastSuccessAt).toMatch(/\+07:00$/);

    const started = await hub.gql<{ runSync: { id: string; status: string; trigger: string } }>(
      `mutation { runSync(source: NATIONAL) { id status trigger } }`,
    );
    expect(started.errors).toBeUndefined();
    expect(started.data?.runSync.trigger).toBe('GRAPH');
    // The run goes on after the answer; wait for it through the graph.
    let status = started.data?.runSync.status;
    for (let i = 0; i < 100 && status === 'RUNNING'; i++) {
      await new Promise((res) => setTimeout(res, 50));
      const again = await hub.gql<{ syncRun: { status: string } }>(
        `query($id: ID!) { syncRun(id: $id) { status } }`,
        {
          id: started.data?.runSync.id,
        },
      );
      status = again.data?.syncRun.status;
    }
    expect(status).toBe('SUCCEEDED');
  });

  // Last: it takes the national portal down.
  it('keeps serving the last good data when the portal is down, and says how old it is', async () => {
    const before = await hub.gql<{ procedures: { totalCount: number } }>(`{ procedures { totalCount } }`);
    await sim.close();
    // Few retries: the point is the failure, not how long backoff waits for a dead portal.
    const impatient = testServices(db, testConfig({ NATIONAL_URL: sim.url, UPSTREAM_MAX_RETRIES: '1' }));
    const run = await impatient.sync.run('NATIONAL', { trigger: 'CLI' });
    expect(run.status).toBe('FAILED');
    const r = await hub.gql<{
      procedures: { totalCount: number };
      sources: {
        source: string;
        lastSuccessAt: string;
        lagSeconds: number;
        lastError: { code: string; runId: string } | null;
      }[];
    }>(`{ procedures { totalCount } sources { source lastSuccessAt lagSeconds lastError { code runId } } }`);
    expect(r.data?.procedures.totalCount).toBe(before.data?.procedures.totalCount);
    const national = r.data?.sources.find((s) => s.source === 'NATIONAL');
    expect(national?.lastSuccessAt).toBeTruthy();
    expect(national?.lagSeconds).toBeGreaterThanOrEqual(0);
    expect(national?.lastError).toMatchObject({ runId: run.id });
    expect(national?.lastError?.code).toBe(run.errorCode);
  });
});
