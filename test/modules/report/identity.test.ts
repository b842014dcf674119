/**
 * domain.md, "The dossier report": received = resolved + withdrawn + in progress, for every
 * row and the total, for every grouping, both rules, with and without roll-up, over the
 * golden fixture and 2 000 simulated dossiers (Tết 2021, the Q1/Q2 boundary), on periods
 * of a year, a quarter, a month and one day. Also the sub-totals the form adds up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as golden from '../../fixtures/report/form06-golden';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { type ReportRow, reportOf } from './report-support';
import { dossierRecord, seedAgencies, seedDossiers, seedListings } from './seed';
import { simAgencies, simListings, simulatedDossiers } from './simulated';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  const em = db.orm.em.fork();
  await seedAgencies(em, [...golden.agencies, ...simAgencies]);
  await seedListings(em, [...golden.listings, ...simListings]);
  await seedDossiers(em, [...golden.dossiers.map(dossierRecord), ...simulatedDossiers(2000, 3)]);
});
afterAll(() => db?.drop());

const periods = ['2020', '2020-Q1', '2021-Q1', '2021-02', { from: '2021-03-31', to: '2021-04-01' }] as const;
const cases = periods.flatMap((period) =>
  (['PROVINCIAL', 'NATIONAL'] as const).flatMap((rule) =>
    (['AGENCY', 'SECTOR', 'LEVEL', 'PROCEDURE'] as const).flatMap((groupBy) =>
      [false, true].map((rollUp) => ({ period, rule, groupBy, rollUp })),
    ),
  ),
);

describe('received = resolved + withdrawn + in progress', () => {
  it.each(cases)('$period $groupBy $rule rollUp $rollUp', async ({ period, ...q }) => {
    const report = await reportOf(db, { ...(typeof period === 'string' ? { period } : period), ...q });
    expect(report.total.received).toBeGreaterThan(0);
    const check = (r: ReportRow) => {
      expect([r.key, r.received]).toEqual([r.key, r.resolved + r.withdrawn + r.inProgress]);
      expect([r.key, r.received]).toEqual([r.key, r.carriedOver + r.newOnline + r.newDirect + r.newPostal]);
      expect([r.key, r.resolved]).toEqual([r.key, r.resolvedEarly + r.resolvedOnTime + r.resolvedLate]);
      expect([r.key, r.inProgress]).toEqual([r.key, r.inProgressWithinDeadline + r.inProgressOverdue]);
    };
    for (const r of report.rows) check(r);
    check(report.total);
    // Without roll-up every dossier is in exactly one row, so the rows add up to the total.
    if (!(q.rollUp && q.groupBy === 'AGENCY')) {
      expect(report.rows.reduce((n, r) => n + r.received, 0)).toBe(report.total.received);
    }
  });
});
