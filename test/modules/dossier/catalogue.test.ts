import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../connectors/sim/igate/simulator';
import { type Province, syncedProvince } from './setup';

interface Page {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { code: string } }[];
}

interface ListingView {
  code: string;
  nationalCode: string;
  nationalCodeInferred: boolean;
  active: boolean;
  name: string;
  channels: { channel: string }[];
  procedure: { code: string } | null;
}

describe('listings, the procedure union and the merged agencies', () => {
  let province: Province;
  let manifest: Manifest;
  beforeAll(async () => {
    province = await syncedProvince(60);
    manifest = province.igate.manifest();
  });
  afterAll(() => province.close());

  const gql = <T>(query: string, variables?: Record<string, unknown>) =>
    province.hub.gql<T>(query, variables);
  const exec = (sql: string, params: unknown[] = []) => province.db.orm.em.fork().execute(sql, params);
  const finding = (kind: string) => manifest.findings.find((f) => f.kind === kind)!;

  it('answers provincialListing by its own code, with the national code inferred when iGate sent none', async () => {
    const trap = manifest.traps.find((t) => t.trap === 'NULL_NATION_CODE')!;
    const r = await gql<{ a: ListingView; b: null }>(
      `query($c: String!) { a: provincialListing(code: $c) { code nationalCode nationalCodeInferred active name channels { channel } procedure { code } }
        b: provincialListing(code: "${trap.nationalCode}") { code } }`,
      { c: trap.subjectCode },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.a).toMatchObject({
      code: trap.subjectCode,
      nationalCode: trap.nationalCode,
      nationalCodeInferred: true,
      active: true,
    });
    expect(r.data?.a.procedure?.code).toBe(trap.nationalCode);
    expect(r.data?.a.channels.length).toBeGreaterThan(0);
    expect(r.data?.b).toBeNull();
  });

  it("lists a procedure's listings: two for a duplicate, a withdrawn one, none for one never listed", async () => {
    const duplicate = finding('DUPLICATE_LISTING');
    const missing = manifest.findings
      .filter((f) => f.kind === 'MISSING_IN_PROVINCE')
      .map((f) => f.subjectCode);
    const r = await gql<Record<string, { listings: { code: string; active: boolean }[] } | null>>(
      `query($d: String!, $m0: String!, $m1: String!) {
        d: procedure(code: $d) { listings { code active } }
        m0: procedure(code: $m0) { listings { code active } }
        m1: procedure(code: $m1) { listings { code active } } }`,
      { d: duplicate.subjectCode, m0: missing[0], m1: missing[1] },
    );
    expect(r.data?.d?.listings.map((l) => l.active)).toEqual([true, true]);
    const counts = [r.data?.m0?.listings, r.data?.m1?.listings].map((l) => l?.map((x) => x.active));
    expect(counts.sort()).toEqual([[], [false]]);
  });

  it('makes a Procedure of a code only an active listing knows, named by the listing', async () => {
    const onlyListed = manifest.findings.filter((f) => f.kind === 'MISSING_IN_NATIONAL');
    const code = onlyListed[0]!.nationalCode!;
    const [listing] = await exec(`select name from provincial_listing where code = ?`, [
      onlyListed[0]!.subjectCode,
    ]);
    const r = await gql<{
      procedure: { code: string; name: string; national: null; listings: { code: string }[] };
    }>(`query($c: String!) { procedure(code: $c) { code name national { code } listings { code } } }`, {
      c: code,
    });
    expect(r.data?.procedure).toEqual({
      code,
      name: listing?.name,
      national: null,
      listings: [{ code: onlyListed[0]!.subjectCode }],
    });

    const [national] = await exec(`select count(*) as n from national_procedure where deleted_at is null`);
    const all = await gql<{ procedures: { totalCount: number; edges: { node: { code: string } }[] } }>(
      `{ procedures(first: 500) { totalCount edges { node { code } } } }`,
    );
    expect(all.data?.procedures.totalCount).toBe(Number(national?.n) + onlyListed.length);
    const codes = all.data!.procedures.edges.map((e) => e.node.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
    for (const f of onlyListed) expect(codes).toContain(f.nationalCode);

    const filtered = await gql<{
      a: { totalCount: number };
      b: { totalCount: number };
      c: { totalCount: number };
    }>(
      `query($codes: [String!], $s: String) {
        a: procedures(filter: { codes: $codes }) { totalCount }
        b: procedures(filter: { codes: $codes, status: IN_FORCE }) { totalCount }
        c: procedures(filter: { codes: $codes, search: $s }) { totalCount } }`,
      {
        codes: [code],
        s: String(listing?.name).normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').slice(0, 12),
      },
    );
    expect(filtered.data).toEqual({ a: { totalCount: 1 }, b: { totalCount: 0 }, c: { totalCount: 1 } });
  });

  it('pages the union of national and listing-only codes in code order, filtered or not', async () => {
    const onlyListed = manifest.findings
      .filter((f) => f.kind === 'MISSING_IN_NATIONAL')
      .map((f) => f.nationalCode!);
    const union = (
      await exec(`select code from (select code from national_procedure where deleted_at is null
          union select l.national_code from provincial_listing l where l.active and l.deleted_at is null
            and not exists (select 1 from national_procedure n where n.code = l.national_code and n.deleted_at is null)) u
        order by code collate "C"`)
    ).map((r) => String(r.code));
    for (const code of onlyListed) expect(union).toContain(code);
    const pages = async (filter: Record<string, unknown> | null) => {
      const codes: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 100; i++) {
        const r: { data?: { procedures: Page } } = await gql<{ procedures: Page }>(
          `query($a: String, $f: ProcedureFilter) { procedures(first: 7, after: $a, filter: $f) {
            pageInfo { hasNextPage endCursor } edges { node { code } } } }`,
          { a: after, f: filter },
        );
        const page = r.data!.procedures;
        codes.push(...page.edges.map((e) => e.node.code));
        if (!page.pageInfo.hasNextPage) return codes;
        after = page.pageInfo.endCursor;
      }
      throw new Error('more than 100 pages');
    };
    expect(await pages(null)).toEqual(union);
    // A filter on codes, mixing both kinds across pages: the page keeps the union's order.
    const some = union.filter((_, i) => i % 4 === 0 || onlyListed.includes(union[i]!));
    expect(await pages({ codes: some })).toEqual(some);
  });

  it('merges agencies by code: iGate wins where both know one, a code known to one portal is still an agency', async () => {
    const [first, second, third] = province.igate.world.agencies.filter((a) => a.kind === 'DEPARTMENT');
    await exec(`update igate_agency set name = ? where code = ?`, ['Sở (tên trên iGate)', first!.code]);
    await exec(`update national_agency set name = ? where code = ?`, ['Sở (tên quốc gia)', first!.code]);
    await exec(`update igate_agency set deleted_at = now() where code = ?`, [second!.code]);
    await exec(`update national_agency set name = ? where code = ?`, ['Sở (chỉ còn quốc gia)', second!.code]);
    await exec(`update igate_agency set deleted_at = now() where code = ?`, [third!.code]);
    await exec(`update national_agency set deleted_at = now() where code = ?`, [third!.code]);
    await exec(
      `insert into national_agency (code, name, level, parent_code, content_hash) values ('000.00.91.H21', 'Chỉ quốc gia', 'PROVINCE', '000.00.00.H21', 'x')`,
    );
    await exec(
      `insert into igate_agency (code, name, level, parent_code, content_hash) values ('000.00.92.H21', 'Chỉ iGate', 'PROVINCE', '000.00.00.H21', 'x')`,
    );
    const r = await gql<
      Record<string, { name: string; parent: { code: string } | null } | null> & {
        agencies: { edges: { node: { code: string } }[] };
      }
    >(
      `query($a: String!, $b: String!) {
        a: agency(code: $a) { name parent { code } } b: agency(code: $b) { name parent { code } }
        n: agency(code: "000.00.91.H21") { name parent { code } } i: agency(code: "000.00.92.H21") { name parent { code } }
        agencies(first: 500, filter: { level: PROVINCE }) { edges { node { code } } } }`,
      { a: first!.code, b: second!.code },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.a).toEqual({ name: 'Sở (tên trên iGate)', parent: { code: '000.00.00.H21' } });
    expect(r.data?.b?.name).toBe('Sở (chỉ còn quốc gia)');
    expect(r.data?.n).toEqual({ name: 'Chỉ quốc gia', parent: { code: '000.00.00.H21' } });
    expect(r.data?.i).toEqual({ name: 'Chỉ iGate', parent: { code: '000.00.00.H21' } });
    const listed = r.data!.agencies.edges.map((e) => e.node.code);
    expect(listed).toEqual(
      expect.arrayContaining(['000.00.91.H21', '000.00.92.H21', first!.code, second!.code]),
    );
    expect(listed).not.toContain(third!.code);
    expect(new Set(listed).size).toBe(listed.length);
  });
});
