/**
 * Gives SQL the working-day calendar of src/domain as the `calendar_day` table, so checks
 * and reports can do working-day arithmetic in set operations (domain.md, "Working days":
 * the calendar is data, so SQL must read the same data, never a formula of its own).
 */
import { defaultCalendar, type WorkingCalendar } from '../domain/calendar';
import { epochDayFromParts, localDateOfEpochDay } from '../domain/local-date';

/** Anything that runs one parameterised statement: a pg Client, Pool or PoolClient. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export interface CalendarRows {
  days: string[];
  isWorking: boolean[];
  workingIndex: number[];
}

/**
 * One row per day of every loaded year. working_index counts working days from the
 * calendar's first day up to and including the day. A year with no file has no rows
 * (a lookup into it finds nothing rather than a guess), and counts no working days.
 */
export function calendarRows(calendar: WorkingCalendar): CalendarRows {
  const rows: CalendarRows = { days: [], isWorking: [], workingIndex: [] };
  let count = 0;
  for (const year of calendar.years()) {
    const end = epochDayFromParts(year + 1, 1, 1);
    for (let e = epochDayFromParts(year, 1, 1); e < end; e++) {
      const day = localDateOfEpochDay(e);
      const working = calendar.isWorkingDay(day);
      if (working) count++;
      rows.days.push(day);
      rows.isWorking.push(working);
      rows.workingIndex.push(count);
    }
  }
  return rows;
}

/**
 * Makes `calendar_day` equal to the calendar, in one statement: rows that differ are
 * updated, missing ones inserted, days no longer loaded deleted. Running it again on the
 * same calendar writes nothing. migrate() calls it under its advisory lock.
 */
export async function refreshCalendarTable(
  db: Queryable,
  calendar: WorkingCalendar = defaultCalendar(),
): Promise<void> {
  const rows = calendarRows(calendar);
  await db.query(
    `with src as (
       select * from unnest($1::date[], $2::boolean[], $3::int[]) as s(day, is_working, working_index)
     ), gone as (
       delete from calendar_day c where not exists (select 1 from src where src.day = c.day)
     )
     insert into calendar_day (day, is_working, working_index)
     select day, is_working, working_index from src
     on conflict (day) do update
       set is_working = excluded.is_working, working_index = excluded.working_index
       where (calendar_day.is_working, calendar_day.working_index)
         is distinct from (excluded.is_working, excluded.working_index)`,
    [rows.days, rows.isWorking, rows.workingIndex],
  );
}
