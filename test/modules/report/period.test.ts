import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodOfName } from '../../../src/modules/report';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { runGraph } from './report-support';

describe('report periods', () => {
  it.each([
    ['2020', '2020-01-01', '2020-12-31'],
    ['2020-Q1', '2020-01-01', '2020-03-31'],
    ['2020-Q2', '2020-04-01', '2020-06-30'],
    ['2024-Q4', '2024-10-01', '2024-12-31'],
    ['2020-02', '2020-02-01', '2020-02-29'],
    ['2021-02', '2021-02-01', '2021-02-28'],
    ['2020-06', '2020-06-01', '2020-06-30'],
  ])('%s is %s … %s', (name, from, to) => {
    expect(periodOfName(name)).toEqual({ from, to });
  });

  it.each(['2020-Q5', '2020-13', '20', '2020-6', 'Q1'])('%s is no period', (name) => {
    expect(periodOfName(name)).toBeNull();
  });
});

describe('dossierReport arguments', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it.each([
    ['both', 'period: "2020", from: "2020-01-01", to: "2020-12-31"'],
    ['neither', ''],
    ['from alone', 'from: "2020-01-01"'],
    ['a bad name', 'period: "2020-Q7"'],
    ['to before from', 'from: "2020-02-01", to: "2020-01-01"'],
  ])('%s → BAD_USER_INPUT', async (_name, args) => {
    const r = await runGraph(db, `{ dossierReport(${args} groupBy: AGENCY) { from } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.data).toBeNull();
  });

  it('from and to give the period as asked', async () => {
    const r = await runGraph(
      db,
      '{ dossierReport(from: "2020-03-05", to: "2020-04-02", groupBy: SECTOR, rule: NATIONAL) { from to rule groupBy rows { key } total { key label received onlineShare } } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({
      dossierReport: {
        from: '2020-03-05',
        to: '2020-04-02',
        rule: 'NATIONAL',
        groupBy: 'SECTOR',
        rows: [],
        total: { key: 'TOTAL', label: 'Tổng cộng', received: 0, onlineShare: null },
      },
    });
  });
});
