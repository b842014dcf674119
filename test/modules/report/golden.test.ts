/** Form 06 against the hand-written golden fixture (test/fixtures/report/form06-golden.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as golden from '../../fixtures/report/form06-golden';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { countStatements, FIGURE_NAMES, reportOf, rowFigures } from './report-support';
import { dossierRecord, seedAgencies, seedDossiers, seedListings } from './seed';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  const em = db.orm.em.fork();
  await seedAgencies(em, golden.agencies);
  await seedListings(em, golden.listings);
  await seedDossiers(em, golden.dossiers.map(dossierRecord));
});
afterAll(() => db?.drop());

const expand = (r: golden.ExpectedRow) => ({
  key: r.key,
  label: r.label,
  ...Object.fromEntries(FIGURE_NAMES.map((f) => [f, r.figures[f] ?? 0])),
});

describe('form 06 golden fixture, 2020-Q1', () => {
  it.each([
    ['PROVINCIAL', false, golden.agencyProvincial, golden.totalProvincial],
    ['NATIONAL', false, golden.agencyNational, golden.totalNational],
    ['PROVINCIAL', true, golden.agencyRolledUpProvincial, golden.totalProvincial],
  ] as const)('AGENCY, %s, rollUp %s', async (rule, rollUp, rows, total) => {
    const report = await reportOf(db, { period: '2020-Q1', groupBy: 'AGENCY', rule, rollUp });
    expect(report.rows.map(rowFigures)).toEqual(rows.map(expand));
    expect(rowFigures(report.total)).toEqual(expand(total));
  });

  it('SECTOR, NATIONAL', async () => {
    const report = await reportOf(db, { period: '2020-Q1', groupBy: 'SECTOR', rule: 'NATIONAL' });
    expect(report.rows.map(rowFigures)).toEqual(golden.sectorNational.map(expand));
    expect(rowFigures(report.total)).toEqual(expand(golden.totalNational));
  });

  it('shares: online share of the new, on-time share of the resolved, null on nothing', async () => {
    const report = await reportOf(db, { period: '2020-Q1', groupBy: 'AGENCY', rule: 'NATIONAL' });
    const [a, b, c] = report.rows;
    expect(a?.onlineShare).toBeCloseTo(1 / 5, 12); // D09 of D05, D05B, D09, D15, D16
    expect(a?.onTimeShare).toBeCloseTo(3 / 4, 12); // D01, D05, D09 of four resolved
    expect(b?.onTimeShare).toBeCloseTo(2 / 3, 12);
    expect(c?.onTimeShare).toBe(0); // D10 late
    const empty = await reportOf(db, { from: '2018-01-01', to: '2018-01-31', groupBy: 'AGENCY' });
    expect(empty.rows).toEqual([]);
    expect(empty.total.onlineShare).toBeNull();
    expect(empty.total.onTimeShare).toBeNull();
  });

  it('one report request is one statement', async () => {
    const n = await countStatements(db, () =>
      reportOf(db, { period: '2020-Q1', groupBy: 'AGENCY', rollUp: true }),
    );
    expect(n).toBe(1);
  });

  it('LEVEL rows carry the level as key and a Vietnamese label', async () => {
    const report = await reportOf(db, { period: '2020-Q1', groupBy: 'LEVEL' });
    expect(report.rows.map((r) => [r.key, r.received])).toEqual([
      ['COMMUNE', 5],
      ['DISTRICT', 4],
      ['PROVINCE', 7],
    ]);
    expect(report.rows[0]?.label).toBe('Cấp xã (commune)');
  });

  it('dossier.timeliness agrees with the fixture at the end of the quarter', async () => {
    const { data, errors } = await reportOf(db, {
      document: `{ dossiers(first: 50) { edges { node { code
          p: timeliness(rule: PROVINCIAL, asOf: "2020-03-31") { status dueAt }
          n: timeliness(rule: NATIONAL, asOf: "2020-03-31") { status effectiveDueAt } } } } }`,
    });
    expect(errors).toBeUndefined();
    type Node = { code: string; p: { status: string | null } | null; n: { status: string | null } | null };
    const edges = (data as { dossiers: { edges: { node: Node }[] } }).dossiers.edges;
    const byCode = new Map(
      edges.map(({ node }) => [node.code, [node.p?.status ?? null, node.n?.status ?? null]]),
    );
    for (const [code, expected] of Object.entries(golden.timelinessAtQuarterEnd)) {
      expect([code, byCode.get(code)]).toEqual([code, expected]);
    }
  });
});
