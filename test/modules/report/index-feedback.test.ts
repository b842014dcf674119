/** feedbackReport and serviceIndex against their hand-written golden fixture (feedback-golden.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackTotals, form06Totals, periodOfName, serviceIndexOf } from '../../../src/modules/report';
import * as fb from '../../fixtures/report/feedback-golden';
import * as golden from '../../fixtures/report/form06-golden';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { runGraph } from './report-support';
import { dossierRecord, seedAgencies, seedDossiers, seedFeedback, seedListings } from './seed';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  const em = db.orm.em.fork();
  await seedAgencies(em, golden.agencies);
  await seedListings(em, golden.listings);
  await seedDossiers(em, golden.dossiers.map(dossierRecord));
  await seedFeedback(em, fb.feedback);
});
afterAll(() => db?.drop());

const FEEDBACK_FIELDS = Object.keys(fb.feedbackTotal).join(' ');

describe('feedbackReport, March 2020', () => {
  it('by agency, and the total', async () => {
    const r = await runGraph(
      db,
      `{ feedbackReport(period: "2020-03", groupBy: AGENCY) { rows { ${FEEDBACK_FIELDS} satisfaction } total { ${FEEDBACK_FIELDS} satisfaction } } }`,
    );
    expect(r.errors).toBeUndefined();
    const report = (
      r.data as { feedbackReport: { rows: Record<string, unknown>[]; total: Record<string, unknown> } }
    ).feedbackReport;
    expect(report.rows.map(({ satisfaction, ...rest }) => rest)).toEqual(fb.feedbackByAgency);
    const { satisfaction, ...total } = report.total;
    expect(total).toEqual(fb.feedbackTotal);
    expect(satisfaction).toBeCloseTo(4 / 7, 12);
    expect(report.rows.map((x) => x.satisfaction)).toEqual([0.75, 1 / 3]);
  });

  it('by channel and by classification: every item counted once in the total', async () => {
    for (const groupBy of ['CHANNEL', 'CLASSIFICATION']) {
      const r = await runGraph(
        db,
        `{ feedbackReport(from: "2020-03-01", to: "2020-03-31", groupBy: ${groupBy}) { rows { key received closed } total { received closed } } }`,
      );
      const rep = (
        r.data as {
          feedbackReport: {
            rows: { key: string; received: number; closed: number }[];
            total: { received: number; closed: number };
          };
        }
      ).feedbackReport;
      expect(rep.total).toEqual({ received: 5, closed: 4 });
      expect(rep.rows.reduce((s, x) => s + x.received, 0)).toBe(5);
    }
    const byChannel = await runGraph(
      db,
      '{ feedbackReport(period: "2020-03", groupBy: CHANNEL) { rows { key received closed } } }',
    );
    expect((byChannel.data as { feedbackReport: { rows: unknown[] } }).feedbackReport.rows).toEqual([
      { key: 'CONG_DVCQG', received: 1, closed: 2 }, // F1 received and closed, F4 closed
      { key: 'CONG_TINH', received: 2, closed: 2 }, // F2, F6
      { key: 'DUONG_DAY_NONG', received: 1, closed: 0 }, // F5
      { key: 'TRUC_TIEP', received: 1, closed: 0 }, // F3
    ]);
  });
});

describe('serviceIndex, March 2020', () => {
  const DOC = (agency: string) =>
    `{ serviceIndex(period: "2020-03"${agency}) { points maximum figures { key numerator denominator ratio points maximum formula } } }`;

  it.each([
    ['the province', '', fb.indexProvince, fb.indexProvinceSum],
    ['agency B and its commune', `, agency: "${golden.B}"`, fb.indexAgencyB, fb.indexAgencyBSum],
  ] as const)('%s', async (_name, agency, expected, sum) => {
    const r = await runGraph(db, DOC(agency));
    expect(r.errors).toBeUndefined();
    const index = (
      r.data as {
        serviceIndex: {
          points: number;
          maximum: number;
          figures: {
            key: string;
            numerator: number;
            denominator: number;
            points: number | null;
            maximum: number;
            formula: string;
          }[];
        };
      }
    ).serviceIndex;
    expect(index.figures.map((f) => [f.key, f.numerator, f.denominator, f.maximum])).toEqual(
      expected.map(([k, n, d, , m]) => [k, n, d, m]),
    );
    index.figures.forEach((f, i) => {
      const points = expected[i]![3];
      if (points === null) expect(f.points).toBeNull();
      else expect(f.points).toBeCloseTo(points, 9);
      expect(f.formula.length).toBeGreaterThan(20);
    });
    expect(index.points).toBeCloseTo(sum, 9);
    expect(index.maximum).toBe(38);
  });

  it('both a period and a range: BAD_USER_INPUT', async () => {
    const r = await runGraph(
      db,
      '{ serviceIndex(period: "2020", from: "2020-01-01", to: "2020-01-31") { points } }',
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the service API other modules read (src/modules/report/index.ts)', () => {
  it('form 06 totals, feedback totals and the index for a period and an agency subtree', async () => {
    const em = db.orm.em.fork();
    const q1 = { period: periodOfName('2020-Q1')!, agency: golden.B };
    const totals = await form06Totals(em, q1);
    expect([totals.received, totals.resolved, totals.withdrawn, totals.inProgress]).toEqual([9, 4, 1, 4]); // B and C
    const march = { period: periodOfName('2020-03')!, agency: golden.B };
    const fbTotals = await feedbackTotals(em, march);
    expect([fbTotals.received, fbTotals.closed, fbTotals.handledOnTime]).toEqual([2, 2, 1]); // F3, F6; F4, F6
    const index = await serviceIndexOf(em, march);
    expect(index.points).toBeCloseTo(fb.indexAgencyBSum, 9);
  });
});
