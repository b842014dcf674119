import {
  atLocalTime,
  DAY_MS,
  daysInMonth,
  LOCAL_OFFSET_MS,
  localDateOfEpochDay,
  localTimeParts,
} from './local-date';
import type { TimeUnit } from './model';

/**
 * Working hours for HOUR processing times: 08:00–17:00 on working days, as domain.md
 * ("When a dossier is on time", due) says, 9 hours, counted without a lunch break:
 * domain.md gives the one span and names no break, and the SQL (dossier_derived_due_at)
 * counts the same span, so the hub has one reading. 17:00 is also the time iGate puts on
 * appointment dates, so n working days end at 17:00 on the n-th working day.
 */
export const WORKDAY_SCHEDULE = { start: '08:00', end: '17:00' } as const;

const HOUR_MS = 3_600_000;
const DAY_START = 8 * HOUR_MS;
const DAY_END = 17 * HOUR_MS;
export const WORKDAY_MS = DAY_END - DAY_START;
/** Working hours in one working day (9). */
export const WORKDAY_HOURS = WORKDAY_MS / HOUR_MS;
export const DUE_HOUR = 17;

/** Working milliseconds of a working day that have passed at `msOfDay` local time. */
export function workingMsIntoDay(msOfDay: number): number {
  return Math.min(Math.max(msOfDay - DAY_START, 0), WORKDAY_MS);
}

/** The earliest local time of day at which `offset` (0 < offset ≤ 9 h) working ms have passed. */
export function workingOffsetToTimeOfDay(offset: number): number {
  return DAY_START + offset;
}

/**
 * DAY n: 17:00 on the day n calendar days after the instant's local day.
 * MONTH n: 17:00 on the same day n months later, the month's last day when it is shorter.
 * A fractional n rounds up: a deadline is never made shorter than the legal time.
 */
export function addCalendarTime(
  instant: Date,
  value: number,
  unit: Extract<TimeUnit, 'DAY' | 'MONTH'>,
): Date {
  const p = localTimeParts(instant);
  const n = Math.ceil(value);
  if (unit === 'DAY') {
    const epochDay = Math.floor((instant.getTime() + LOCAL_OFFSET_MS) / DAY_MS);
    return atLocalTime(localDateOfEpochDay(epochDay + n), DUE_HOUR);
  }
  const monthIndex = p.year * 12 + (p.month - 1) + n;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const day = Math.min(p.day, daysInMonth(year, month));
  return atLocalTime(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, DUE_HOUR);
}
