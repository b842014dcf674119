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
 * The working hours used for fractional working days and HOUR processing times:
 * 07:30–11:30 and 13:00–17:00, 8 hours. Provincial offices post slightly different hours;
 * this choice makes the afternoon end at 17:00, the time iGate puts on appointment dates,
 * so a whole number of working days and the same number as hours agree exactly.
 */
export const WORKDAY_SCHEDULE = { morning: ['07:30', '11:30'], afternoon: ['13:00', '17:00'] } as const;

const HOUR_MS = 3_600_000;
const MORNING_START = 7.5 * HOUR_MS;
const MORNING_END = 11.5 * HOUR_MS;
const AFTERNOON_START = 13 * HOUR_MS;
const AFTERNOON_END = 17 * HOUR_MS;
const HALF_DAY_MS = MORNING_END - MORNING_START;
export const WORKDAY_MS = HALF_DAY_MS + (AFTERNOON_END - AFTERNOON_START);
export const DUE_HOUR = 17;

/** Working milliseconds of a working day that have passed at `msOfDay` local time. */
export function workingMsIntoDay(msOfDay: number): number {
  if (msOfDay <= MORNING_START) return 0;
  if (msOfDay < MORNING_END) return msOfDay - MORNING_START;
  if (msOfDay <= AFTERNOON_START) return HALF_DAY_MS;
  if (msOfDay < AFTERNOON_END) return HALF_DAY_MS + msOfDay - AFTERNOON_START;
  return WORKDAY_MS;
}

/** The earliest local time of day at which `offset` (0 < offset ≤ 8 h) working ms have passed. */
export function workingOffsetToTimeOfDay(offset: number): number {
  return offset <= HALF_DAY_MS ? MORNING_START + offset : AFTERNOON_START + offset - HALF_DAY_MS;
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
