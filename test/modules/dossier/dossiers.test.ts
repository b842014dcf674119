import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrm } from '../../../src/db/orm';
import { startTestHub } from '../../support/hub';
import { expectedNameMask, expectedPhoneMask } from '../../support/masks';
import { asCaller, igateMs, type Province, rawDossiers, syncedProvince } from './setup';

interface Edge {
  cursor: string;
  node: { code: string; updatedAt: string };
}
interface Conn {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Edge[];
}

const LOCAL = (day: string): number => Date.parse(`${day}T00:00:00+07:00`);
type Raw = ReturnType<typeof rawDossiers>[number];
const nationalOf = (d: Raw): string => {
  const p = d.procedure as { code: string; nationCode: string | null };
  return p.nationCode ?? p.code.split('.').slice(0, 2).join('.');
};

describe('the dossiers connection', () => {
  let province: Province;
  let raws: Raw[];
  beforeAll(async () => {
    province = await syncedProvince();
    raws = rawDossiers(province.igate);
  });
  afterAll(() => province.close());

  const codesOf = async (filter: Record<string, unknown>): Promise<{ total: number; codes: string[] }> => {
    const r = await province.hub.gql<{ dossiers: Conn }>(
      `query($f: DossierFilter) { dossiers(first: 500, filter: $f) { totalCount edges { node { code updatedAt } } } }`,
      { f: filter },
    );
    expect(r.errors).toBeUndefined();
    return {
      total: r.data!.dossiers.totalCount,
      codes: r.data!.dossiers.edges.map((e) => e.node.code).sort(),
    };
  };
  const expectCodes = async (
    filter: Record<string, unknown>,
    match: (d: Raw) => boolean,
  ): Promise<number> => {
    const expected = raws
      .filter(match)
      .map((d) => d.code)
      .sort();
    const got = await codesOf(filter);
    expect(got.codes).toEqual(expected);
    expect(got.total).toBe(expected.length);
    return expected.length;
  };

  it('pages every dossier once, most recently changed first, with keyset cursors', async () => {
    const seen: Edge[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const r: { data?: { dossiers: Conn } } = await province.hub.gql<{ dossiers: Conn }>(
        `query($after: String) { dossiers(first: 70, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { code updatedAt } } } }`,
        { after },
      );
      const page = r.data!.dossiers;
      expect(page.totalCount).toBe(raws.length);
      seen.push(...page.edges);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.map((e) => e.node.code).sort()).toEqual(raws.map((d) => d.code).sort());
    const times = seen.map((e) => Date.parse(e.node.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const bad = await province.hub.gql(`{ dossiers(after: "nope") { totalCount } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('filters by status, channel, agency, procedure and listing', async () => {
    const pick = raws[17] as Raw;
    const agency = (pick.agency as { code: string }).code;
    const listing = (pick.procedure as { code: string }).code;
    expect(
      await expectCodes({ status: ['RETURNED', 'PROCESSED'] }, (d) =>
        [7, 8].includes((d.dossierStatus as { id: number }).id),
      ),
    ).toBeGreaterThan(100);
    expect(
      await expectCodes({ channel: 'ONLINE' }, (d) => (d.applyMethod as { id: number }).id === 1),
    ).toBeGreaterThan(5);
    await expectCodes({ agency }, (d) => (d.agency as { code: string }).code === agency);
    await expectCodes({ procedure: nationalOf(pick) }, (d) => nationalOf(d) === nationalOf(pick));
    await expectCodes({ listing }, (d) => (d.procedure as { code: string }).code === listing);
    await expectCodes(
      { agency, status: ['RETURNED'], channel: 'DIRECT' },
      (d) =>
        (d.agency as { code: string }).code === agency &&
        (d.dossierStatus as { id: number }).id === 8 &&
        (d.applyMethod as { id: number }).id === 0,
    );
  });

  it('filters accepted, applied and completed dates by whole local days or by instants', async () => {
    const inMarch = (v: unknown) => {
      const ms = igateMs(v);
      return ms !== null && ms >= LOCAL('2020-03-01') && ms < LOCAL('2020-04-01');
    };
    expect(
      await expectCodes({ accepted: { from: '2020-03-01', to: '2020-03-31' } }, (d) =>
        inMarch(d.acceptedDate),
      ),
    ).toBeGreaterThan(0);
    await expectCodes({ applied: { from: '2020-03-01', to: '2020-03-31' } }, (d) => inMarch(d.appliedDate));
    await expectCodes({ completed: { to: '2019-12-31' } }, (d) => {
      const ms = igateMs(d.completedDate);
      return ms !== null && ms < LOCAL('2020-01-01');
    });
    const one = raws.find((d) => d.acceptedDate !== null) as Raw;
    const at = String(one.acceptedDate).replace(/(\d{2})(\d{2})$/, '$1:$2');
    await expectCodes(
      { accepted: { from: at, to: at } },
      (d) => igateMs(d.acceptedDate) === igateMs(one.acceptedDate),
    );
    const wrong = await province.hub.gql(`query($f: DossierFilter) { dossiers(filter: $f) { totalCount } }`, {
      f: { accepted: { from: '05/03/2020' } },
    });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('relates a dossier to its procedure, listing and agency; an unknown listing code relates to nothing', async () => {
    const pick = raws[17] as Raw;
    const r = await province.hub.gql<{
      dossiers: { edges: { node: Record<string, { code: string; name: string } | null> }[] };
    }>(
      `query($c: String) { dossiers(filter: { listing: $c }, first: 1) { edges { node {
        procedure { code name } listing { code nationalCode } agency { code name } } } } }`,
      { c: (pick.procedure as { code: string }).code },
    );
    const node = r.data!.dossiers.edges[0]!.node;
    expect(node.procedure?.code).toBe(nationalOf(pick));
    expect(node.listing?.code).toBe((pick.procedure as { code: string }).code);
    expect(node.agency?.code).toBeDefined();
    expect(province.igate.world.agency(node.agency!.code)?.name).toBe(node.agency?.name);

    const unknown = province.igate.manifest().findings.find((f) => f.kind === 'DOSSIER_UNKNOWN_PROCEDURE');
    const u = await province.hub.gql<{
      dossiers: { edges: { node: { code: string; procedure: null; listing: null } }[] };
    }>(
      `{ dossiers(first: 500, filter: { procedure: "${unknown?.nationalCode}" }) { edges { node { code procedure { code } listing { code } } } } }`,
    );
    expect(u.data?.dossiers.edges.map((e) => e.node)).toEqual([
      { code: unknown?.subjectCode, procedure: null, listing: null },
    ]);
  });

  it("answers procedure.dossiers and agency.dossiers per parent, batched, with each parent's own count", async () => {
    const r = await province.hub.gql<{ procedures: { edges: { node: { code: string; dossiers: Conn } }[] } }>(
      `{ procedures(first: 30) { edges { node { code dossiers(first: 2, filter: { status: [RETURNED] }) { totalCount pageInfo { hasNextPage } edges { node { code updatedAt } } } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    let nonEmpty = 0;
    for (const { node } of r.data!.procedures.edges) {
      const mine = raws.filter(
        (d) => nationalOf(d) === node.code && (d.dossierStatus as { id: number }).id === 8,
      );
      expect(node.dossiers.totalCount).toBe(mine.length);
      expect(node.dossiers.edges.length).toBe(Math.min(2, mine.length));
      for (const e of node.dossiers.edges) expect(mine.map((d) => d.code)).toContain(e.node.code);
      expect(node.dossiers.pageInfo.hasNextPage).toBe(mine.length > 2);
      if (mine.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(3);
    const agency = ((raws[3] as Raw).agency as { code: string }).code;
    const a = await province.hub.gql<{ agency: { dossiers: Conn } }>(
      `query($c: String!) { agency(code: $c) { dossiers(first: 500) { totalCount edges { node { code updatedAt } } } } }`,
      { c: agency },
    );
    const mine = raws
      .filter((d) => (d.agency as { code: string }).code === agency)
      .map((d) => d.code)
      .sort();
    expect(a.data?.agency.dossiers.totalCount).toBe(mine.length);
    expect(a.data?.agency.dossiers.edges.map((e) => e.node.code).sort()).toEqual(mine);
  });

  it('masks the applicant for a caller without the pii grant, and shows it to one with it', async () => {
    const pick = raws.find((d) => (d.applicant as { type: number }).type === 1) as Raw;
    const data = (pick.applicant as { data: { fullname: string; phone: string; identityNumber: string } })
      .data;
    const source = `query($c: String) { dossiers(first: 1, filter: { listing: $c }) { edges { node { code applicant { type fullName phone identityLast4 masked } } } } }`;
    const find = async (principal: { pii: boolean }) => {
      const listing = (pick.procedure as { code: string }).code;
      const all = await asCaller<{
        dossiers: { edges: { node: { code: string; applicant: Record<string, unknown> } }[] };
      }>(
        province.db,
        source.replace('first: 1', 'first: 500'),
        {
          name: 'test',
          role: 'ADMIN',
          pii: principal.pii,
          metrics: false,
          agency: null,
          ratePerMinute: null,
          via: 'key',
        },
        { c: listing },
      );
      expect(all.errors).toBeUndefined();
      return all.data!.dossiers.edges.find((e) => e.node.code === pick.code)!.node.applicant;
    };
    const maskedName = expectedNameMask(data.fullname);
    const maskedPhone = expectedPhoneMask(data.phone);
    expect(await find({ pii: false })).toEqual({
      type: 'CITIZEN',
      fullName: maskedName,
      phone: maskedPhone,
      identityLast4: data.identityNumber.slice(-4),
      masked: true,
    });
    expect(maskedName).not.toBe(data.fullname);
    expect(await find({ pii: true })).toMatchObject({
      fullName: data.fullname,
      phone: data.phone,
      masked: false,
    });
    // The bootstrap key has no pii grant unless HUB_ADMIN_KEY_PII=1 (not set here).
    const viaHttp = await province.hub.gql<{
      dossiers: { edges: { node: { applicant: { masked: boolean } } }[] };
    }>(source, {
      c: (pick.procedure as { code: string }).code,
    });
    expect(viaHttp.data?.dossiers.edges[0]?.node.applicant.masked).toBe(true);
  });

  it('loads a page with its procedures, listings and agencies in the same number of statements for 10 and 100', async () => {
    let statements = 0;
    const counting = await openOrm(province.db.url, undefined, {
      debug: ['query'],
      logger: () => {
        statements++;
      },
    });
    const counted = await startTestHub({ ...province.db, orm: counting });
    const query = (n: number) =>
      `{ dossiers(first: ${n}) { edges { node { code procedure { code name } agency { code name } listing { name } applicant { fullName } } } } }`;
    try {
      statements = 0;
      const small = await counted.gql<{ dossiers: { edges: unknown[] } }>(query(10));
      expect(small.data?.dossiers.edges).toHaveLength(10);
      const few = statements;
      statements = 0;
      const big = await counted.gql<{
        dossiers: { edges: { node: { procedure: { name: string } | null } }[] };
      }>(query(100));
      expect(big.data?.dossiers.edges).toHaveLength(100);
      expect(big.data?.dossiers.edges.filter((e) => e.node.procedure !== null).length).toBeGreaterThan(90);
      expect(statements).toBe(few);
      expect(few).toBeLessThanOrEqual(4);
    } finally {
      await counted.close();
      await counting.close(true);
    }
  });
});
