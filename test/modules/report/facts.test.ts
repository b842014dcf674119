/**
 * The report table never disagrees with the raw rows: after syncs that change dossiers,
 * tombstone or delete them, change a listing's processing time or the calendar, every
 * dossier's fact row equals one rebuilt from scratch from the dossier table (the triggers
 * read the statement's transition table; the rebuild reads `dossier` by code).
 */
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshCalendarTable } from '../../../src/db/calendar-table';
import { query } from '../../../src/db/sql';
import { WorkingCalendar } from '../../../src/domain/calendar';
import { bundledHolidaysDir, loadHolidayDir } from '../../../src/domain/calendar-data';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { reportOf } from './report-support';
import { dossierRecord, local, seedAgencies, seedDossiers, seedListings } from './seed';
import { simAgencies, simListings, simulatedDossiers } from './simulated';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

/** Rows of dossier_fact that differ from a from-scratch rebuild (either way). */
async function disagreements(): Promise<number> {
  const em = db.orm.em.fork();
  return em.transactional(async (tx) => {
    await query(tx, 'create temp table fact_now on commit drop as select * from dossier_fact');
    await query(tx, 'select refresh_dossier_facts(array(select code from dossier))');
    const [r] = await query<{ n: number }>(
      tx,
      `select count(*)::int as n from ((select * from fact_now except select * from dossier_fact)
         union all (select * from dossier_fact except select * from fact_now)) x`,
    );
    return r!.n;
  });
}

describe('dossier_fact stays current', () => {
  it('follows inserts, updates, tombstones, listing and calendar changes', async () => {
    const em = db.orm.em.fork();
    await seedAgencies(em, simAgencies);
    await seedListings(em, simListings);
    const first = simulatedDossiers(800, 5);
    await seedDossiers(em, first);
    const [count] = await query<{ n: number }>(em, 'select count(*)::int as n from dossier_fact');
    expect(count!.n).toBe(800);
    expect(await disagreements()).toBe(0);

    // An incremental sync: the same codes, changed content (completed, withdrawn, re-dated).
    const changed = simulatedDossiers(800, 6)
      .slice(0, 300)
      .map((d, i) => ({ ...d, code: first[i]!.code }));
    await seedDossiers(em, changed);
    expect(await disagreements()).toBe(0);
    const [completed] = await query<{ end_at: Date | null }>(
      em,
      'select end_at from dossier_fact where code = ?',
      [changed.find((d) => d.completedAt && d.status === 'RETURNED' && !d.withdrawnAt)!.code],
    );
    expect(completed!.end_at).not.toBeNull();

    // Tombstones leave the report.
    await query(em, `update dossier set deleted_at = now() where code in ('S000001', 'S000002')`);
    const [gone] = await query<{ n: number }>(
      em,
      `select count(*)::int as n from dossier_fact where code in ('S000001', 'S000002')`,
    );
    expect(gone!.n).toBe(0);
    // Rows deleted outright, and a tombstone lifted by the next sync of the same content.
    await query(em, `delete from dossier where code in ('S000003', 'S000004')`);
    await query(em, `update dossier set deleted_at = null where code = 'S000001'`);
    const [back] = await query<{ n: number }>(
      em,
      `select count(*)::int as n from dossier_fact where code in ('S000001', 'S000003', 'S000004')`,
    );
    expect(back!.n).toBe(1);
    expect(await disagreements()).toBe(0);

    // A listing's processing time changes the derived due of its dossiers without an appointment.
    const before = await query<{ code: string; due_at: Date }>(
      em,
      `select f.code, f.due_at from dossier_fact f join dossier d using (code)
        where d.listing_code = 'L.A' and d.appointment_at is null and f.due_at is not null order by f.code limit 1`,
    );
    expect(before.length).toBe(1);
    await seedListings(
      em,
      simListings.map((l) =>
        l.code === 'L.A'
          ? {
              ...l,
              times: {
                DIRECT: [40, 'WORKING_DAY'],
                ONLINE: [40, 'WORKING_DAY'],
                POSTAL: [40, 'WORKING_DAY'],
              },
            }
          : l,
      ),
    );
    const [after] = await query<{ due_at: Date }>(em, 'select due_at from dossier_fact where code = ?', [
      before[0]!.code,
    ]);
    expect(new Date(after!.due_at).getTime()).toBeGreaterThan(new Date(before[0]!.due_at).getTime());
    expect(await disagreements()).toBe(0);

    // A calendar change (an extra day off in 2021) reaches the derived due dates.
    const years = loadHolidayDir(bundledHolidaysDir()).map((y) =>
      y.year === 2021
        ? { ...y, holidays: [...y.holidays, ...weekdaysOf(2021).map((date) => ({ date, name: 'test' }))] }
        : y,
    );
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    await refreshCalendarTable(pg, new WorkingCalendar(years)).finally(() => pg.end());
    expect(await disagreements()).toBe(0);
  });

  it('one dossier written twice with the same content leaves its facts as they were', async () => {
    const em = db.orm.em.fork();
    const d = dossierRecord({
      code: 'X1',
      agency: 'P.01',
      listing: 'L.A',
      nationalCode: '1.000001',
      channel: 'DIRECT',
      status: 'PROCESSING',
      accepted: '2021-02-09 16:30',
    });
    await seedDossiers(em, [d]);
    await seedDossiers(em, [d]);
    const [f] = await query<{ due_at: Date; accepted_day: string }>(
      em,
      `select due_at, accepted_day::text from dossier_fact where code = 'X1'`,
    );
    expect(f!.accepted_day).toBe('2021-02-09');
    expect(f!.due_at).not.toBeNull();
    expect(local('2021-02-09 16:30')!.getTime()).toBeLessThan(new Date(f!.due_at).getTime());
    expect(
      (await reportOf(db, { from: '2021-02-09', to: '2021-02-09', groupBy: 'AGENCY' })).total.received,
    ).toBeGreaterThan(0);
  });
});

/** Every Monday–Friday of the first half of March of a year: a long made-up closure. */
function weekdaysOf(year: number): string[] {
  const out: string[] = [];
  for (let d = 1; d <= 15; d++) {
    const day = `${year}-03-${String(d).padStart(2, '0')}`;
    const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (dow >= 1 && dow <= 5) out.push(day);
  }
  return out;
}
