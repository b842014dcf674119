/**
 * The due date SQL derives from a listing's processing time when a dossier has no
 * appointment (domain.md, "When a dossier is on time", due): n working days → 17:00 on the
 * n-th working day after the accepted day; n working hours → the accepted instant plus n
 * working hours on 08:00–17:00 (no lunch break: domain.md names one span). Each expected
 * instant is worked out by hand below; the TypeScript calendar has the same cases in
 * test/domain/calendar.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../../src/db/sql';
import { defaultCalendar } from '../../../src/domain/calendar';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { dossierRecord, local, seedAgencies, seedDossiers, seedListings } from './seed';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  const em = db.orm.em.fork();
  await seedAgencies(em, [{ code: 'A.1', name: 'Sở A', level: 'PROVINCE' }]);
  await seedListings(em, [
    {
      code: 'L.H',
      nationalCode: '1.000100',
      name: 'Giờ làm việc',
      sector: null,
      times: { DIRECT: [4, 'HOUR'], ONLINE: [0.5, 'WORKING_DAY'], POSTAL: [12, 'HOUR'] },
    },
  ]);
});
afterAll(() => db?.drop());

const cases = [
  // 16:00 Monday: 1 h left that day, 3 h from 08:00 Tuesday.
  ['H1', 'DIRECT', '2020-03-02 16:00', '2020-03-03 11:00'],
  // 06:30: the clock starts at 08:00; 4 h straight through noon (no lunch break).
  ['H2', 'DIRECT', '2020-03-02 06:30', '2020-03-02 12:00'],
  // Tuesday 9 Feb 2021 15:00: 2 h, then Tết Tân Sửu (10–16 Feb), then 2 h on Wednesday 17 Feb.
  ['H3', 'DIRECT', '2021-02-09 15:00', '2021-02-17 10:00'],
  // Saturday: Monday 08:00 + 4 h.
  ['H4', 'DIRECT', '2020-03-07 10:00', '2020-03-09 12:00'],
  // Friday 10:00 + 12 h: 7 h on Friday, 5 h on Monday.
  ['H5', 'POSTAL', '2020-03-06 10:00', '2020-03-09 13:00'],
  // 0.5 working day: rounds up to 1, 17:00 on the next working day.
  ['W1', 'ONLINE', '2020-03-02 09:00', '2020-03-03 17:00'],
  // 17:00 exactly, 4 h: nothing left that day; Tuesday 12:00.
  ['H6', 'DIRECT', '2020-03-02 17:00', '2020-03-03 12:00'],
] as const;

describe('derived due dates (no appointment)', () => {
  it.each(cases)('%s %s accepted %s is due %s', async (code, channel, accepted, due) => {
    await seedDossiers(db.orm.em.fork(), [
      dossierRecord({
        code,
        agency: 'A.1',
        listing: 'L.H',
        nationalCode: '1.000100',
        channel,
        status: 'PROCESSING',
        accepted,
        appointment: null,
      }),
    ]);
    const [f] = await query<{ due_at: Date; due_source: string }>(
      db.orm.em.fork(),
      'select due_at, due_source from dossier_fact where code = ?',
      [code],
    );
    expect(f!.due_source).toBe('LISTING');
    expect(new Date(f!.due_at).toISOString()).toBe(local(due)!.toISOString());
  });

  it('the TypeScript calendar derives the same instants', () => {
    const times = { DIRECT: [4, 'HOUR'], ONLINE: [0.5, 'WORKING_DAY'], POSTAL: [12, 'HOUR'] } as const;
    for (const [, channel, accepted, due] of cases) {
      const [value, unit] = times[channel];
      expect(defaultCalendar().addWorkingTime(local(accepted)!, value, unit).toISOString()).toBe(
        local(due)!.toISOString(),
      );
    }
  });
});
