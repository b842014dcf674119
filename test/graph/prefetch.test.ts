/**
 * Issue 9: relations answered inside their list's statement (src/graph/prefetch.ts) and
 * the compiled executor (src/graph/executor.ts) answer what the resolvers answered:
 * figures checked against SQL written here, aliases with other arguments resolved on
 * their own, and graphql-js's own message for a bad variable.
 */
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { type Simulators, startSimulators } from '../../src/simulate';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestHub, type TestHub, testConfig } from '../support/hub';

let db: TestDatabase;
let sims: Simulators;
let hub: TestHub;
let pg: Client;

beforeAll(async () => {
  db = await createTestDatabase();
  const log = createLogger('silent');
  sims = await startSimulators(
    loadConfig({
      HUB_SIMULATE: '1',
      LOG_LEVEL: 'silent',
      PII_SALT: 'test-salt-0123456789abcdef',
      SIM_PROCEDURES: '60',
      SIM_DOSSIERS: '400',
      SIM_FEEDBACKS: '200',
    }),
    log,
  );
  hub = await startTestHub(
    db,
    testConfig({ NATIONAL_URL: sims.urls.national, IGATE_URL: sims.urls.igate, PAKN_URL: sims.urls.pakn }),
  );
  for (const source of ['NATIONAL', 'IGATE', 'PAKN'] as const) {
    expect((await hub.services.sync.run(source, { trigger: 'CLI', full: true })).status).toBe('SUCCEEDED');
  }
  pg = new Client({ connectionString: db.url });
  await pg.connect();
}, 120_000);

afterAll(async () => {
  await pg?.end();
  await hub?.close();
  await sims?.close();
  await db?.drop();
});

type Units = {
  agencies: {
    edges: {
      node: {
        code: string;
        processing: { totalCount: number };
        all: { totalCount: number; edges: { node: { code: string } }[] };
      };
    }[];
  };
};

describe('prefetched relations', () => {
  it('count each agency’s dossiers as SQL does, an alias with other arguments on its own', async () => {
    const r = await hub.gql<Units>(`{ agencies(first: 500) { edges { node { code
      processing: dossiers(first: 0, filter: { status: [PROCESSING] }) { totalCount }
      all: dossiers(first: 1) { totalCount edges { node { code } } } } } } }`);
    expect(r.errors).toBeUndefined();
    const counts = async (status: string | null) =>
      new Map(
        (
          await pg.query<{ code: string; n: string }>(
            `select agency_code as code, count(*) as n from dossier
             where deleted_at is null and ($1::text is null or status = $1) group by 1`,
            [status],
          )
        ).rows.map((x) => [x.code, Number(x.n)]),
      );
    const processing = await counts('PROCESSING');
    const all = await counts(null);
    const nodes = r.data!.agencies.edges.map((e) => e.node);
    expect(nodes.some((n) => (processing.get(n.code) ?? 0) > 0)).toBe(true);
    for (const n of nodes) {
      expect(n.processing.totalCount).toBe(processing.get(n.code) ?? 0);
      expect(n.all.totalCount).toBe(all.get(n.code) ?? 0);
      expect(n.all.edges.length).toBe(Math.min(1, all.get(n.code) ?? 0));
    }
  });

  it('name each dossier’s procedure and listing as the tables do', async () => {
    const r = await hub.gql<{
      dossiers: {
        edges: {
          node: {
            code: string;
            procedure: { name: string } | null;
            listing: { code: string; name: string } | null;
          };
        }[];
      };
    }>(`{ dossiers(first: 100) { edges { node { code procedure { name } listing { code name } } } } }`);
    expect(r.errors).toBeUndefined();
    const rows = await pg.query<{
      code: string;
      procedure: string | null;
      listing: string | null;
      lcode: string | null;
    }>(
      `select d.code, coalesce(p.name, (select min(l.name) from provincial_listing l
               where l.national_code = d.national_code and l.active and l.deleted_at is null)) as procedure,
              li.name as listing, li.code as lcode
       from dossier d
       left join national_procedure p on p.code = d.national_code and p.deleted_at is null
       left join provincial_listing li on li.code = d.listing_code
       where d.code = any($1::text[])`,
      [r.data!.dossiers.edges.map((e) => e.node.code)],
    );
    const expected = new Map(rows.rows.map((x) => [x.code, x]));
    expect(r.data!.dossiers.edges.length).toBeGreaterThan(50);
    for (const { node } of r.data!.dossiers.edges) {
      const x = expected.get(node.code)!;
      expect(node.procedure?.name ?? null).toBe(x.procedure);
      expect(node.listing).toEqual(x.lcode === null ? null : { code: x.lcode, name: x.listing });
    }
  });
});

describe('the compiled executor', () => {
  it('answers a bad variable with graphql-js’s message, as BAD_USER_INPUT with HTTP 400', async () => {
    const r = await hub.gql(`query($n: Int) { dossiers(first: $n) { totalCount } }`, { n: 'x' });
    expect(r.status).toBe(400);
    expect(r.errors).toEqual([
      expect.objectContaining({
        message: 'Variable "$n" got invalid value "x"; Int cannot represent non-integer value: "x"',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
  });
});
