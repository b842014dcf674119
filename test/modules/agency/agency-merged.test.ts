/**
 * Issue 9: the merged agencies are a table kept by triggers on both sources
 * (Migration20261201160100_agency_merged). After every kind of write it holds exactly what
 * the merge over the sources says (the view the graph read before, written here), and the
 * graph's list reads it.
 */
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { startTestHub, type TestHub } from '../../support/hub';

/** The merge's rules as the view had them: iGate wins when live (or alone), live beats tombstoned. */
const MERGED = `select coalesce(i.code, n.code) as code,
    case when i.code is not null and (i.deleted_at is null or n.code is null or n.deleted_at is not null)
      then i.name else n.name end as name,
    case when i.code is not null and (i.deleted_at is null or n.code is null or n.deleted_at is not null)
      then coalesce(i.level, n.level) else coalesce(n.level, i.level) end as level,
    case when i.code is not null and (i.deleted_at is null or n.code is null or n.deleted_at is not null)
      then coalesce(i.parent_code, n.parent_code) else coalesce(n.parent_code, i.parent_code) end as parent_code,
    case when (i.code is not null and i.deleted_at is null) or (n.code is not null and n.deleted_at is null)
      then null else greatest(i.deleted_at, n.deleted_at) end as deleted_at
  from national_agency n full join igate_agency i on i.code = n.code`;

let db: TestDatabase;
let pg: Client;
let hub: TestHub;

beforeAll(async () => {
  db = await createTestDatabase();
  pg = new Client({ connectionString: db.url });
  await pg.connect();
  hub = await startTestHub(db);
}, 60_000);

afterAll(async () => {
  await hub?.close();
  await pg?.end();
  await db?.drop();
});

const rows = async (sql: string) =>
  (await pg.query(`select code, name, level, parent_code, deleted_at from (${sql}) a order by code`)).rows;

async function expectMerged(): Promise<void> {
  expect(await rows('select * from agency_merged')).toEqual(await rows(MERGED));
}

const national = (code: string, name: string, parent: string | null, level: string | null = 'DISTRICT') =>
  pg.query(
    `insert into national_agency (code, content_hash, name, level, parent_code) values ($1, 'h', $2, $3, $4)
     on conflict (code) do update set name = excluded.name, level = excluded.level, parent_code = excluded.parent_code`,
    [code, name, level, parent],
  );
const igate = (code: string, name: string, parent: string | null, level: string | null = null) =>
  pg.query(
    `insert into igate_agency (code, content_hash, name, level, parent_code) values ($1, 'h', $2, $3, $4)
     on conflict (code) do update set name = excluded.name, level = excluded.level, parent_code = excluded.parent_code`,
    [code, name, level, parent],
  );

describe('the merged agencies', () => {
  it('follow every write to either source, as the merge over both says', async () => {
    await national('P', 'Province (national)', null, 'PROVINCE');
    await igate('P', 'Province (iGate)', null);
    await national('N1', 'Only national', 'P');
    await igate('I1', 'Only iGate', 'P');
    await national('B1', 'Both, national name', 'P');
    await igate('B1', 'Both, iGate name', 'X', null);
    await expectMerged();
    const first = await rows('select * from agency_merged');
    expect(first.find((r) => r.code === 'N1')).toMatchObject({ name: 'Only national', parent_code: 'P' });
    expect(first.find((r) => r.code === 'I1')).toMatchObject({ name: 'Only iGate', parent_code: 'P' });
    expect(first.find((r) => r.code === 'B1')).toMatchObject({ name: 'Both, iGate name', level: 'DISTRICT' });

    // iGate's row tombstoned: the live national one wins; both tombstoned: gone at the later time.
    await pg.query(`update igate_agency set deleted_at = '2026-01-02T00:00:00Z' where code = 'B1'`);
    await expectMerged();
    expect((await rows(`select * from agency_merged where code = 'B1'`))[0]).toMatchObject({
      name: 'Both, national name',
      parent_code: 'P',
      deleted_at: null,
    });
    await pg.query(`update national_agency set deleted_at = '2026-01-03T00:00:00Z' where code = 'B1'`);
    await expectMerged();
    // A rename, a move, a delete from one source, a delete of a code's only row.
    await igate('I1', 'Only iGate, renamed', 'N1');
    await pg.query(`delete from national_agency where code = 'P'`);
    await pg.query(`delete from national_agency where code = 'N1'`);
    await expectMerged();
    expect((await rows(`select * from agency_merged where code = 'N1'`)).length).toBe(0);
    // Several rows in one statement, then a source truncated.
    await pg.query(
      `insert into national_agency (code, content_hash, name, parent_code)
       select 'M' || g, 'h', 'Many ' || g, 'P' from generate_series(1, 30) g`,
    );
    await pg.query(`update national_agency set parent_code = 'I1' where code like 'M%' and code < 'M2'`);
    await expectMerged();
    await pg.query('truncate igate_agency');
    await expectMerged();
    expect((await rows('select * from agency_merged')).length).toBe(31);
  });

  it('are what the graph lists, under a parent in code order', async () => {
    await igate('Q', 'Another province', null);
    for (const c of ['Q-b', 'Q-a', 'Q-C']) await igate(c, `Unit ${c}`, 'Q');
    await national('Q-d', 'National unit', 'Q');
    await pg.query(`update igate_agency set deleted_at = now() where code = 'Q-b'`);
    const r = await hub.gql<{ agencies: { edges: { node: { code: string; name: string } }[] } }>(
      `{ agencies(first: 10, filter: { parent: "Q" }) { edges { node { code name } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.agencies.edges.map((e) => e.node)).toEqual([
      { code: 'Q-C', name: 'Unit Q-C' },
      { code: 'Q-a', name: 'Unit Q-a' },
      { code: 'Q-d', name: 'National unit' },
    ]);
  });
});
