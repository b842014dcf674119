/**
 * `dossier_fact_month` never disagrees with the raw rows. Form 06 for whole-month periods is
 * counted from the month rollup; here it must equal, figure by figure, the fact-backed
 * statement and the TypeScript oracle (oracle.ts, straight from the dossier records), for
 * both rules, by agency (with and without roll-up), by level, by sector and by procedure
 * (the counts by listing), with filters, after inserts, updates, tombstones, deletes, listing
 * changes (processing time, sector, national code) and calendar changes, two writers at once
 * and a truncate. And the table itself: subtracting every current fact row empties it
 * exactly (a key counted too often stays behind, one counted too rarely goes below 0, which
 * the triggers refuse), and it equals the rollup rebuilt from scratch (the bulk load's way).
 */
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshCalendarTable } from '../../../src/db/calendar-table';
import { query } from '../../../src/db/sql';
import { defaultCalendar, WorkingCalendar } from '../../../src/domain/calendar';
import { bundledHolidaysDir, loadHolidayDir } from '../../../src/domain/calendar-data';
import type { DossierRecord } from '../../../src/domain/model';
import { dossierReport, type Form06Query, periodOfName } from '../../../src/modules/report';
import { form06MonthSql } from '../../../src/modules/report/form06-month.sql';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { type OracleQuery, type OracleWorld, oracleForm06 } from './oracle';
import { countStatements, FIGURE_NAMES, type ReportRow, reportOf } from './report-support';
import { type ListingSeed, seedAgencies, seedDossiers, seedListings } from './seed';
import { simAgencies, simListings, simulatedDossiers } from './simulated';

let db: TestDatabase;
const current = new Map<string, DossierRecord>();
const world: OracleWorld = { agencies: simAgencies, listings: simListings, calendar: defaultCalendar() };

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

const periods = [
  '2021',
  '2021-Q1',
  '2021-Q2',
  '2021-02',
  '2020-12',
  { from: '2021-01-01', to: '2021-04-30' },
];
const groupings = [
  { groupBy: 'AGENCY', rollUp: false },
  { groupBy: 'AGENCY', rollUp: true },
  { groupBy: 'LEVEL', rollUp: false },
  { groupBy: 'SECTOR', rollUp: false },
  { groupBy: 'PROCEDURE', rollUp: false },
] as const;
/** The filters each side of the rollup serves: by agency (AGENCY, LEVEL), by listing (SECTOR, PROCEDURE). */
const channelFilter = { channel: ['ONLINE', 'POSTAL'] };
const agencyFilters = [{ agency: ['D.02'] }, channelFilter, { level: ['COMMUNE'] }];
const listingFilters = [{ sector: ['S1'] }, { procedure: ['2.000003', '9.999999'] }, channelFilter];

const queries: Form06Query[] = [];
for (const p of periods) {
  const period = typeof p === 'string' ? periodOfName(p)! : p;
  for (const rule of ['PROVINCIAL', 'NATIONAL'] as const) {
    for (const g of groupings) {
      const byAgency = g.groupBy === 'AGENCY' || g.groupBy === 'LEVEL';
      // Every period with every grouping; the filters on the year only (enough to reach each).
      const filters = p === '2021' ? (byAgency ? agencyFilters : listingFilters) : [];
      for (const filter of [undefined, ...filters]) queries.push({ period, rule, ...g, filter });
    }
  }
}

const figures = (r: ReportRow | Record<string, unknown>) => ({
  key: r.key,
  ...Object.fromEntries(FIGURE_NAMES.map((f) => [f, (r as Record<string, unknown>)[f]])),
});

/** The rollup, the facts and the oracle give the same report for every query. */
async function expectAllAgree() {
  const em = db.orm.em.fork();
  for (const q of queries) {
    expect(form06MonthSql(q)).not.toBeNull();
    const viaRollup = await dossierReport(em, q);
    const viaFacts = await dossierReport(em, q, 'facts');
    const label = `${q.period.from}…${q.period.to} ${q.groupBy} ${q.rule} ${q.rollUp} ${JSON.stringify(q.filter)}`;
    expect([label, viaRollup.rows.map(figures)]).toEqual([label, viaFacts.rows.map(figures)]);
    expect([label, viaRollup.rows.map((r) => r.label)]).toEqual([label, viaFacts.rows.map((r) => r.label)]);
    expect([label, figures(viaRollup.total)]).toEqual([label, figures(viaFacts.total)]);
    // The oracle has no level, sector or procedure filter.
    if (q.filter?.level || q.filter?.sector || q.filter?.procedure) continue;
    const expected = oracleForm06([...current.values()], world, {
      ...q.period,
      rule: q.rule,
      groupBy: q.groupBy,
      rollUp: q.rollUp,
      filter: q.filter as OracleQuery['filter'],
    });
    expect([label, viaRollup.rows.map(figures)]).toEqual([label, expected.rows]);
    expect([label, figures(viaRollup.total)]).toEqual([label, expected.total]);
  }
}

const ROLLUPS = ['dossier_fact_month', 'dossier_fact_month_listing'];

/** The rows of each rollup. */
async function rollupRows(): Promise<number[]> {
  const em = db.orm.em.fork();
  const out: number[] = [];
  for (const t of ROLLUPS)
    out.push((await query<{ n: number }>(em, `select count(*)::int as n from ${t}`))[0]!.n);
  return out;
}

/** Rows left in the rollups after subtracting every fact row (in a transaction rolled back). */
async function leftAfterSubtractingFacts(): Promise<number> {
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  try {
    await pg.query('begin');
    await pg.query('delete from dossier_fact');
    const { rows } = await pg.query<{ n: number }>(
      `select (${ROLLUPS.map((t) => `(select count(*) from ${t})`).join(' + ')})::int as n`,
    );
    return rows[0]!.n;
  } finally {
    await pg.query('rollback');
    await pg.end();
  }
}

/** The rollups as the triggers left them equal rebuild_dossier_fact_month()'s and rebuild_dossier_fact_month_listing()'s from scratch. */
async function rebuiltIsTheSame() {
  const em = db.orm.em.fork();
  const byAgency = `select family, agency_code, channel, a_month, e_month, end_kind, timeliness, undated,
      months::text, last_month, n from dossier_fact_month order by 1, 2, 3, 4, 5, 6, 7, 8, 9`;
  const byListing = `select family, listing_code, national_code, channel, a_month, e_month, end_kind, timeliness,
      undated, months::text, last_month, n from dossier_fact_month_listing order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`;
  const before = [await query(em, byAgency), await query(em, byListing)];
  expect(before[1]!.length).toBeGreaterThan(0);
  await query(em, 'select rebuild_dossier_fact_month()');
  await query(em, 'select rebuild_dossier_fact_month_listing()');
  expect([await query(em, byAgency), await query(em, byListing)]).toEqual(before);
}

async function write(dossiers: DossierRecord[]) {
  await seedDossiers(db.orm.em.fork(), dossiers);
  for (const d of dossiers) current.set(d.code, d);
}

describe('form 06 from the month rollup', () => {
  it('agrees with the facts and the oracle through every kind of write', async () => {
    const em = db.orm.em.fork();
    await seedAgencies(em, simAgencies);
    await seedListings(em, simListings);
    const first = simulatedDossiers(2500, 21);
    await write(first);
    for (const n of await rollupRows()) expect(n).toBeGreaterThan(0);
    expect(await leftAfterSubtractingFacts()).toBe(0);
    await expectAllAgree();

    // An incremental sync: the same codes, changed content.
    await write(
      simulatedDossiers(2500, 22)
        .slice(0, 900)
        .map((d, i) => ({ ...d, code: first[i]!.code })),
    );
    // Tombstones and rows deleted outright leave the report.
    await query(em, `update dossier set deleted_at = now() where code in ('S001000', 'S001001', 'S001002')`);
    await query(em, `delete from dossier where code in ('S001003', 'S001004')`);
    for (const c of ['S001000', 'S001001', 'S001002', 'S001003', 'S001004']) current.delete(c);
    expect(await leftAfterSubtractingFacts()).toBe(0);
    await expectAllAgree();

    // A listing's processing time: the derived due of its dossiers without an appointment.
    // Another's sector and a third's national code: the rows by sector and procedure they key.
    const listings: ListingSeed[] = simListings.map((l) =>
      l.code === 'L.A'
        ? { ...l, times: { DIRECT: [2, 'WORKING_DAY'], ONLINE: [45, 'WORKING_DAY'] } }
        : l.code === 'L.B'
          ? { ...l, sector: { code: 'S2', name: 'Đất đai' } }
          : l.code === 'L.C'
            ? { ...l, nationalCode: '2.000099' }
            : l,
    );
    await seedListings(em, listings);
    world.listings = listings;
    // A calendar change: the first half of March 2021 off.
    const years = loadHolidayDir(bundledHolidaysDir()).map((y) =>
      y.year === 2021 ? { ...y, holidays: [...y.holidays, ...marchWeekdays(2021)] } : y,
    );
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    await refreshCalendarTable(pg, new WorkingCalendar(years)).finally(() => pg.end());
    world.calendar = new WorkingCalendar(years);
    expect(await leftAfterSubtractingFacts()).toBe(0);
    await expectAllAgree();
    await rebuiltIsTheSame();
  }, 180_000); // every query each way and by the oracle, four times: minutes under load

  it('two writers at once on the same agencies and months: both counted', async () => {
    const base = simulatedDossiers(600, 31);
    const a = base.slice(0, 300).map((d) => ({ ...d, code: `A${d.code}`, agencyCode: 'P.01' }));
    const b = base.slice(300).map((d) => ({ ...d, code: `B${d.code}`, agencyCode: 'P.01' }));
    // Each in its own transaction on its own connection: the second waits for the first's
    // rollup rows, then adds to them.
    await Promise.all([
      db.orm.em.fork().transactional((tx) => seedDossiers(tx, a)),
      db.orm.em.fork().transactional((tx) => seedDossiers(tx, b)),
    ]);
    for (const d of [...a, ...b]) current.set(d.code, d);
    expect(await leftAfterSubtractingFacts()).toBe(0);
    await expectAllAgree();
  }, 180_000); // every query each way and the oracle once more

  it('one statement per report request, from the rollup as from the facts', async () => {
    const q = { period: '2021', groupBy: 'AGENCY', rollUp: true };
    expect(await countStatements(db, () => reportOf(db, q))).toBe(1);
  });

  it('a truncate of dossier or dossier_fact empties them', async () => {
    const em = db.orm.em.fork();
    await query(em, 'truncate dossier');
    expect(await rollupRows()).toEqual([0, 0]);
    await write(simulatedDossiers(50, 41));
    expect((await rollupRows()).every((n) => n > 0)).toBe(true);
    await query(em, 'truncate dossier_fact');
    expect(await rollupRows()).toEqual([0, 0]);
  });
});

/** Monday–Friday of 1–15 March: a made-up closure. */
function marchWeekdays(year: number) {
  const out: { date: string; name: string }[] = [];
  for (let d = 1; d <= 15; d++) {
    const date = `${year}-03-${String(d).padStart(2, '0')}`;
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (dow >= 1 && dow <= 5) out.push({ date, name: 'test' });
  }
  return out;
}
