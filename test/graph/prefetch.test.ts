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

type Named = { code: string; name: string } | null;
type DossierNames = { code: string; procedure: Named; listing: Named };

/** The same nodes through the per-field resolvers (loaders): a root lookup per code, as aliases (40 a request). */
async function throughLoaders(field: 'dossier' | 'feedback', codes: string[], selection: string) {
  const out: unknown[] = [];
  for (let start = 0; start < codes.length; start += 40) {
    const part = codes.slice(start, start + 40);
    const r = await hub.gql<Record<string, unknown>>(
      `{ ${part.map((c, i) => `n${i}: ${field}(code: ${JSON.stringify(c)}) { ${selection} }`).join('\n')} }`,
    );
    expect(r.errors).toBeUndefined();
    out.push(...part.map((_, i) => r.data![`n${i}`]));
  }
  return out;
}

// Runs last: it changes the tables (a tombstoned national record, an unknown code).
describe('prefetched relations at their edges', () => {
  it('answer as the loaders do: a listing-only code, an unknown one, codes shared by many rows', async () => {
    // Two codes with an active listing each, several dossiers on each.
    const shared = await pg.query<{ national_code: string }>(
      `select d.national_code from dossier d
       where d.deleted_at is null and exists (select 1 from provincial_listing l
         where l.national_code = d.national_code and l.active and l.deleted_at is null)
       group by 1 having count(*) >= 3 order by count(*) desc, 1 limit 2`,
    );
    expect(shared.rows.length).toBe(2);
    const [listingOnly, kept] = shared.rows.map((r) => r.national_code) as [string, string];
    // The first now lives only as a listing (its national record tombstoned); one more code
    // no portal knows.
    await pg.query('update national_procedure set deleted_at = now() where code = $1', [listingOnly]);
    const codes = (
      await pg.query<{ code: string }>(
        `select code from dossier where deleted_at is null and national_code = any($1::text[]) order by code limit 12`,
        [[listingOnly, kept]],
      )
    ).rows.map((r) => r.code);
    await pg.query(
      `update dossier set national_code = 'NO.SUCH.CODE', listing_code = 'NO-SUCH-LISTING' where code = $1`,
      [codes[0]],
    );
    const listingName = (
      await pg.query<{ name: string }>(
        `select min(name) as name from provincial_listing where national_code = $1 and active and deleted_at is null`,
        [listingOnly],
      )
    ).rows[0]!.name;

    const r = await hub.gql<{ dossiers: { edges: { node: DossierNames }[] } }>(
      `query($codes: [String!]) { dossiers(first: 50, filter: { codes: $codes }) { edges { node {
        code procedure { code name } listing { code name } } } } }`,
      { codes },
    );
    expect(r.errors).toBeUndefined();
    const nodes = r.data!.dossiers.edges.map((e) => e.node);
    expect(nodes.map((n) => n.code).sort()).toEqual([...codes].sort());
    const loaded = await throughLoaders(
      'dossier',
      nodes.map((n) => n.code),
      'code procedure { code name } listing { code name }',
    );
    expect(nodes).toEqual(loaded);
    const byCode = new Map(nodes.map((n) => [n.code, n]));
    expect(byCode.get(codes[0]!)).toMatchObject({ procedure: null, listing: null });
    const onListing = nodes.filter((n) => n.procedure?.code === listingOnly);
    expect(onListing.length).toBeGreaterThanOrEqual(2);
    for (const n of onListing) expect(n.procedure!.name).toBe(listingName);

    // In the catalogue the code is now listing-only, its national record tombstoned: it still
    // answers `national` (as the loaders do), while a live one comes from the page's own row.
    const national = `national { code name status deletedAt updatedAt decision { number date }
      channels { channel times { value unit } fees { amount } } agencies { code name } }`;
    const catalogue = await hub.gql<{ procedures: { edges: { node: Record<string, unknown> }[] } }>(
      `query($codes: [String!]) { procedures(first: 10, filter: { codes: $codes }) { edges { node {
        code name listings { code name } ${national} } } } }`,
      { codes: [listingOnly, kept, 'NO.SUCH.CODE'] },
    );
    expect(catalogue.errors).toBeUndefined();
    const procedures = catalogue.data!.procedures.edges.map((e) => e.node);
    expect(procedures.map((p) => p.code)).toEqual([listingOnly, kept].sort());
    const one = await hub.gql<Record<string, unknown>>(
      `{ a: procedure(code: ${JSON.stringify(procedures[0]!.code)}) { code name listings { code name } ${national} }
         b: procedure(code: ${JSON.stringify(procedures[1]!.code)}) { code name listings { code name } ${national} } }`,
    );
    expect(one.errors).toBeUndefined();
    expect(procedures).toEqual([one.data!.a, one.data!.b]);
    const tombstoned = procedures.find((p) => p.code === listingOnly) as {
      national: { deletedAt: string | null };
    };
    expect(tombstoned.national.deletedAt).not.toBeNull();
    expect((procedures.find((p) => p.code === kept) as { national: unknown }).national).not.toBeNull();
  });

  it('answer a feedback’s procedure as the loaders do, with or without a code', async () => {
    const r = await hub.gql<{ feedbacks: { edges: { node: { code: string; procedure: Named } }[] } }>(
      `{ feedbacks(first: 100) { edges { node { code procedure { code name } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const nodes = r.data!.feedbacks.edges.map((e) => e.node);
    expect(nodes.some((n) => n.procedure === null)).toBe(true);
    expect(nodes.some((n) => n.procedure !== null)).toBe(true);
    expect(nodes).toEqual(
      await throughLoaders(
        'feedback',
        nodes.map((n) => n.code),
        'code procedure { code name }',
      ),
    );
  });

  it('filter by one status as by the same status among others', async () => {
    const all = await pg.query<{ status_group: string; n: string }>(
      `select status_group, count(*) as n from feedback where deleted_at is null group by 1 order by 2 desc`,
    );
    const [one, two] = all.rows.map((x) => x.status_group);
    const q = async (groups: string[]) =>
      (
        await hub.gql<{ feedbacks: { totalCount: number; edges: { node: { code: string } }[] } }>(
          `query($g: [FeedbackStatusGroup!]) { feedbacks(first: 100, filter: { statusGroup: $g }) {
            totalCount edges { node { code } } } }`,
          { g: groups },
        )
      ).data!.feedbacks;
    const single = await q([one!]);
    const both = await q([one!, two!]);
    expect(single.totalCount).toBe(Number(all.rows[0]!.n));
    expect(both.totalCount).toBe(Number(all.rows[0]!.n) + Number(all.rows[1]!.n));
    const sql = await pg.query<{ code: string }>(
      `select code from feedback where deleted_at is null and status_group = $1 order by sent_at desc, code desc limit 100`,
      [one],
    );
    expect(single.edges.length).toBeGreaterThan(0);
    expect(single.edges.map((e) => e.node.code)).toEqual(sql.rows.map((x) => x.code));
    const dossiers = await hub.gql<{ dossiers: { totalCount: number; edges: { node: { code: string } }[] } }>(
      `{ dossiers(first: 100, filter: { status: [PROCESSING] }) { totalCount edges { node { code } } } }`,
    );
    const processing = await pg.query<{ code: string }>(
      `select code from dossier where deleted_at is null and status = 'PROCESSING'
       order by source_updated_at desc, code desc`,
    );
    expect(dossiers.data!.dossiers.totalCount).toBe(processing.rows.length);
    expect(dossiers.data!.dossiers.edges.map((e) => e.node.code)).toEqual(
      processing.rows.slice(0, 100).map((x) => x.code),
    );
  });
});
