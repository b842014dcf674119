import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshCalendarTable } from '../../src/db/calendar-table';
import { defaultCalendar, type HolidayYear, WorkingCalendar } from '../../src/domain/calendar';
import { createTestDatabase, type TestDatabase } from '../support/db';

const cal = defaultCalendar();

describe('calendar_day, the working-day calendar for SQL', () => {
  let db: TestDatabase;
  let pg: Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
  });
  afterAll(async () => {
    await pg.end();
    await db.drop();
  });

  it('is filled by migrate (the template) with every day of every loaded year', async () => {
    const years = cal.years();
    const { rows } = await pg.query<{ first: string; last: string; n: string }>(
      `select min(day)::text first, max(day)::text last, count(*) n from calendar_day`,
    );
    expect(rows[0]!.first).toBe(`${years[0]}-01-01`);
    expect(rows[0]!.last).toBe(`${years[years.length - 1]}-12-31`);
    const expectedDays =
      (Date.UTC(years[years.length - 1]! + 1, 0, 1) - Date.UTC(years[0]!, 0, 1)) / 86_400_000;
    expect(Number(rows[0]!.n)).toBe(expectedDays);
  });

  it('says which days are working days exactly as the calendar does', async () => {
    const { rows } = await pg.query<{ day: string; is_working: boolean }>(
      `select day::text, is_working from calendar_day order by day`,
    );
    const wrong = rows.filter((r) => r.is_working !== cal.isWorkingDay(r.day));
    expect(wrong).toEqual([]);
  });

  it.each([
    ['2020-01-22', 1, '2020-01-30', 'across Tết 2020'],
    ['2024-04-26', 3, '2024-05-04', 'to the make-up Saturday around 30/4'],
    ['2025-01-24', 5, '2025-02-07', 'across Tết 2025 (off 25/1–2/2)'],
    ['2019-12-31', 1, '2020-01-02', 'across New Year'],
    ['2023-01-21', 1, '2023-01-27', 'from a Saturday in Tết 2023'],
  ])('the %s + %i working days is %s (%s), as the calendar says', async (from, n, expected) => {
    expect(cal.addWorkingDays(from, n)).toBe(expected);
    const { rows } = await pg.query<{ due: string }>(
      `select min(t.day)::text due from calendar_day f
         join calendar_day t on t.working_index = f.working_index + $2 and t.is_working
        where f.day = $1`,
      [from, n],
    );
    expect(rows[0]!.due).toBe(expected);
  });

  it('agrees with addWorkingDays for every day of 2024 and n up to 30', async () => {
    const { rows } = await pg.query<{ day: string; n: number; due: string }>(
      `select f.day::text as day, n, (select min(t.day) from calendar_day t
                                    where t.working_index = f.working_index + n and t.is_working)::text due
         from calendar_day f, generate_series(0, 30) n
        where f.day between '2024-01-01' and '2024-12-31'`,
    );
    // n = 0 on a non-working day is the next working day in SQL; the calendar keeps the day itself.
    const wrong = rows.filter((r) => r.n > 0 && r.due !== cal.addWorkingDays(r.day, r.n));
    expect(rows.length).toBe(366 * 31);
    expect(wrong).toEqual([]);
  });

  it('is refreshed idempotently: the same calendar again rewrites no row', async () => {
    const before = await pg.query(`select day::text, xmin::text from calendar_day order by day`);
    await refreshCalendarTable(pg, cal);
    const after = await pg.query(`select day::text, xmin::text from calendar_day order by day`);
    expect(after.rows).toEqual(before.rows);
  });

  it('follows a changed calendar (HOLIDAYS_DIR): changed days rewritten, unloaded years removed', async () => {
    const year = (y: number, holidays: string[]): HolidayYear => ({
      year: y,
      provisional: false,
      source: 'test',
      holidays: holidays.map((date) => ({ date, name: 'test holiday' })),
      workdays: [],
    });
    const custom = new WorkingCalendar([year(2030, ['2030-01-01']), year(2031, [])]);
    await refreshCalendarTable(pg, custom);
    const { rows } = await pg.query<{ first: string; last: string; n: string; jan2: number }>(
      `select min(day)::text first, max(day)::text last, count(*) n,
              max(working_index) filter (where day = '2030-01-02') jan2
         from calendar_day`,
    );
    // 2030-01-01 is a Tuesday and a holiday here, so 2 January is the first working day.
    expect(rows[0]).toEqual({ first: '2030-01-01', last: '2031-12-31', n: String(365 * 2), jan2: 1 });
    await refreshCalendarTable(pg, cal);
    const back = await pg.query<{ n: string }>(`select count(*) n from calendar_day`);
    expect(Number(back.rows[0]!.n)).toBeGreaterThan(365 * 8);
  });

  it("survives the test helper's truncate(), which leaves the real calendar behind it", async () => {
    const real = await pg.query(`select day::text, is_working, working_index from calendar_day order by day`);
    // A test that changed the calendar, then the truncate() between tests.
    await refreshCalendarTable(
      pg,
      new WorkingCalendar([{ year: 2030, provisional: false, source: 'test', holidays: [], workdays: [] }]),
    );
    await db.truncate();
    const after = await pg.query(
      `select day::text, is_working, working_index from calendar_day order by day`,
    );
    expect(after.rows.length).toBe(real.rows.length);
    expect(after.rows).toEqual(real.rows);
    // Still the calendar: Wednesday 2020-01-22 works, Thursday 2020-01-23 is Tết Canh Tý.
    const { rows } = await pg.query<{ day: string; is_working: boolean }>(
      `select day::text, is_working from calendar_day where day in ('2020-01-22', '2020-01-23') order by day`,
    );
    expect(rows).toEqual([
      { day: '2020-01-22', is_working: true },
      { day: '2020-01-23', is_working: false },
    ]);
  });
});
