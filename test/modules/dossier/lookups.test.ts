/**
 * The lookups of issue 7 on dossiers: one dossier by code, a codes filter, an agency with
 * every agency below it, the other orders (keyset-paged), and what is refused. Expected
 * answers come from the simulator's raw dossiers and the world's agency tree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { igateMs, type Province, rawDossiers, syncedProvince } from './setup';

type Raw = ReturnType<typeof rawDossiers>[number];
interface Conn {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { code: string } }[];
}

const agencyOf = (d: Raw) => (d.agency as { code: string }).code;

describe('dossier lookups', () => {
  let province: Province;
  let raws: Raw[];
  beforeAll(async () => {
    province = await syncedProvince();
    raws = rawDossiers(province.igate);
  });
  afterAll(() => province.close());

  it('finds one dossier by its code, and null for a code iGate does not have', async () => {
    const pick = raws[41] as Raw;
    const r = await province.hub.gql<{ dossier: { code: string; agencyCode: string } | null; none: null }>(
      `query($c: String!) { dossier(code: $c) { code agencyCode } none: dossier(code: "000.00.00.H21-000000-0000") { code } }`,
      { c: ` ${pick.code} ` },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.dossier).toEqual({ code: pick.code, agencyCode: agencyOf(pick) });
    expect(r.data?.none).toBeNull();
  });

  it('filters by a list of codes, exactly', async () => {
    const codes = [raws[3]!.code, raws[100]!.code, 'NO-SUCH-CODE'];
    const r = await province.hub.gql<{ dossiers: Conn }>(
      `query($c: [String!]) { dossiers(filter: { codes: $c }) { totalCount edges { node { code } } } }`,
      { c: codes },
    );
    expect(r.data?.dossiers.totalCount).toBe(2);
    expect(r.data?.dossiers.edges.map((e) => e.node.code).sort()).toEqual(
      [raws[3]!.code, raws[100]!.code].sort(),
    );
  });

  it('widens an agency to every agency below it with includeDescendants, at the root and under agency', async () => {
    const world = province.igate.world;
    const below = (code: string): string[] => [
      code,
      ...world.agencies.filter((a) => a.parentCode === code).flatMap((a) => below(a.code)),
    ];
    // A parent whose subtree holds dossiers of more than one agency.
    const parent = world.agencies
      .map((a) => a.code)
      .find((code) => new Set(raws.filter((d) => below(code).includes(agencyOf(d))).map(agencyOf)).size > 1);
    expect(parent).toBeDefined();
    const subtree = below(parent!);
    const expected = raws
      .filter((d) => subtree.includes(agencyOf(d)))
      .map((d) => d.code)
      .sort();
    const own = raws.filter((d) => agencyOf(d) === parent).length;
    expect(expected.length).toBeGreaterThan(own);

    const r = await province.hub.gql<{ dossiers: Conn; agency: { dossiers: Conn; own: Conn } }>(
      `query($a: String!) {
        dossiers(first: 500, filter: { agency: $a, includeDescendants: true }) { totalCount edges { node { code } } }
        agency(code: $a) {
          dossiers(first: 500, includeDescendants: true) { totalCount edges { node { code } } }
          own: dossiers(first: 0) { totalCount }
        } }`,
      { a: parent },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.dossiers.totalCount).toBe(expected.length);
    expect(r.data?.dossiers.edges.map((e) => e.node.code).sort()).toEqual(expected);
    expect(r.data?.agency.dossiers.totalCount).toBe(expected.length);
    expect(r.data?.agency.dossiers.edges.map((e) => e.node.code).sort()).toEqual(expected);
    expect(r.data?.agency.own.totalCount).toBe(own);

    const alone = await province.hub.gql(`{ dossiers(filter: { includeDescendants: true }) { totalCount } }`);
    expect(alone.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['ACCEPTED_ASC', 'acceptedDate', 1],
    ['ACCEPTED_DESC', 'acceptedDate', -1],
    ['APPOINTMENT_DESC', 'appointmentDate', -1],
    ['UPDATED_ASC', 'updatedDate', 1],
  ] as const)('pages in %s order with keyset cursors, dossiers without the date last', async (orderBy, field, dir) => {
    const key = (d: Raw) => igateMs(d[field]);
    const byCode = (a: Raw, b: Raw) => dir * (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
    const expected = [...raws]
      .sort((a, b) => {
        const x = key(a);
        const y = key(b);
        if (x === null || y === null) return x === y ? byCode(a, b) : x === null ? 1 : -1;
        return dir * (x - y) || byCode(a, b);
      })
      .map((d) => d.code);
    expect(raws.some((d) => key(d) === null) || field === 'updatedDate').toBe(true);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const r: { data?: { dossiers: Conn }; errors?: unknown } = await province.hub.gql<{ dossiers: Conn }>(
        `query($o: DossierOrderBy, $a: String) { dossiers(first: 37, orderBy: $o, after: $a) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } }`,
        { o: orderBy, a: after },
      );
      expect(r.errors).toBeUndefined();
      seen.push(...r.data!.dossiers.edges.map((e) => e.node.code));
      if (!r.data!.dossiers.pageInfo.hasNextPage) break;
      after = r.data!.dossiers.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('refuses a backwards date range and a cursor from another list or order', async () => {
    const backwards = await province.hub.gql(
      `{ dossiers(filter: { accepted: { from: "2020-03-02", to: "2020-03-01" } }) { totalCount } }`,
    );
    expect(backwards.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(backwards.errors?.[0]?.message).toMatch(/from is after to/);
    const oneDay = await province.hub.gql(
      `{ dossiers(filter: { accepted: { from: "2020-03-02", to: "2020-03-02" } }) { totalCount } }`,
    );
    expect(oneDay.errors).toBeUndefined();

    const agencies = await province.hub.gql<{ agencies: { pageInfo: { endCursor: string } } }>(
      `{ agencies(first: 1) { pageInfo { endCursor } } }`,
    );
    const agencyCursor = agencies.data!.agencies.pageInfo.endCursor;
    const procedures = await province.hub.gql(`query($a: String) { procedures(after: $a) { totalCount } }`, {
      a: agencyCursor,
    });
    expect(procedures.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const updated = await province.hub.gql<{ dossiers: Conn }>(
      `{ dossiers(first: 1) { pageInfo { endCursor } } }`,
    );
    const otherOrder = await province.hub.gql(
      `query($a: String) { dossiers(orderBy: ACCEPTED_DESC, after: $a) { totalCount } }`,
      { a: updated.data!.dossiers.pageInfo.endCursor },
    );
    expect(otherOrder.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const sameOrder = await province.hub.gql(`query($a: String) { dossiers(after: $a) { totalCount } }`, {
      a: updated.data!.dossiers.pageInfo.endCursor,
    });
    expect(sameOrder.errors).toBeUndefined();
  });
});
