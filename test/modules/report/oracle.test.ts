/**
 * Form 06 from SQL against the independent TypeScript computation (oracle.ts), figure by
 * figure, on 3 000 simulated dossiers across Tết 2021 and the Q1/Q2 boundary, both rules,
 * every grouping, with and without roll-up. Also: received = resolved + withdrawn + in
 * progress for every row and the total of every such report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCalendar } from '../../../src/domain/calendar';
import type { DossierRecord } from '../../../src/domain/model';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { type OracleQuery, oracleForm06 } from './oracle';
import { countStatements, FIGURE_NAMES, type ReportRow, reportOf } from './report-support';
import { seedAgencies, seedDossiers, seedListings } from './seed';
import { simAgencies, simListings, simulatedDossiers } from './simulated';

let db: TestDatabase;
let dossiers: DossierRecord[];
const world = { agencies: simAgencies, listings: simListings, calendar: defaultCalendar() };

beforeAll(async () => {
  db = await createTestDatabase();
  const em = db.orm.em.fork();
  await seedAgencies(em, simAgencies);
  await seedListings(em, simListings);
  dossiers = simulatedDossiers(3000);
  await seedDossiers(em, dossiers);
});
afterAll(() => db?.drop());

const figures = (r: ReportRow) => ({ key: r.key, ...Object.fromEntries(FIGURE_NAMES.map((f) => [f, r[f]])) });

const periods = [
  { from: '2021-01-01', to: '2021-03-31' }, // Q1 2021, Tết inside
  { from: '2021-02-01', to: '2021-02-28' },
  { from: '2021-03-15', to: '2021-04-15' }, // across the quarter boundary
  { from: '2021-02-11', to: '2021-02-11' }, // one Tết day
];
const cases: OracleQuery[] = [];
for (const p of periods) {
  for (const rule of ['PROVINCIAL', 'NATIONAL'] as const) {
    for (const groupBy of ['AGENCY', 'SECTOR', 'LEVEL', 'PROCEDURE'] as const) {
      // rollUp changes AGENCY rows only; the other groupings must ignore it.
      for (const rollUp of [false, true]) cases.push({ ...p, rule, groupBy, rollUp });
    }
  }
}
cases.push({
  ...periods[0]!,
  rule: 'NATIONAL',
  groupBy: 'AGENCY',
  rollUp: true,
  filter: { agency: ['D.02'] },
});
cases.push({
  ...periods[2]!,
  rule: 'PROVINCIAL',
  groupBy: 'SECTOR',
  rollUp: false,
  filter: { channel: ['ONLINE'] },
});

describe('form 06 against the TypeScript oracle', () => {
  it('the simulated data reaches every bucket', () => {
    const all = oracleForm06(dossiers, world, {
      ...periods[0]!,
      rule: 'NATIONAL',
      groupBy: 'AGENCY',
      rollUp: false,
    });
    for (const f of FIGURE_NAMES) expect([f, all.total[f]! > 0]).toEqual([f, true]);
  });

  it('one statement per report request, 3 000 dossiers as for 20', async () => {
    const n = await countStatements(db, () =>
      reportOf(db, { ...periods[0]!, groupBy: 'PROCEDURE', rollUp: true }),
    );
    expect(n).toBe(1);
  });

  it.each(cases)('$from…$to $groupBy $rule rollUp $rollUp $filter', async (q) => {
    const report = await reportOf(db, q as unknown as Record<string, unknown>);
    const expected = oracleForm06(dossiers, world, q);
    expect(report.rows.map(figures)).toEqual(expected.rows);
    expect(figures(report.total)).toEqual(expected.total);
    for (const r of [...report.rows, report.total]) {
      expect([r.key, r.received]).toEqual([r.key, r.resolved + r.withdrawn + r.inProgress]);
      expect(r.received).toBe(r.carriedOver + r.newOnline + r.newDirect + r.newPostal);
      expect(r.resolved).toBe(r.resolvedEarly + r.resolvedOnTime + r.resolvedLate);
      expect(r.inProgress).toBe(r.inProgressWithinDeadline + r.inProgressOverdue);
    }
  });
});
