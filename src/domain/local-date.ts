import type { LocalDate } from './model';

/**
 * Local time is Asia/Ho_Chi_Minh: UTC+07:00 all year, no daylight saving since 1975.
 * Fixed-offset arithmetic is exact here and much faster than Intl, which matters when a
 * report walks a few hundred thousand dossiers.
 */
export const LOCAL_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;

/** Dates outside this range are treated as impossible: upstream null sentinels (0001-01-01) are bad input. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** A value that does not match the expected date format, or names a day that does not exist. */
export class DateParseError extends Error {
  readonly format: string;
  readonly value: unknown;

  constructor(format: string, value: unknown, example: string, reason?: string) {
    super(
      `expected a date as ${format} (e.g. ${example}), got ${describe(value)}${reason ? `: ${reason}` : ''}`,
    );
    this.name = 'DateParseError';
    this.format = format;
    this.value = value;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  }
  if (value === null) return 'null';
  return typeof value;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Why y-m-d (and optionally a time) is not a real local moment, or null when it is. */
export function invalidParts(y: number, m: number, d: number, hh = 0, mi = 0, ss = 0): string | null {
  if (y < MIN_YEAR || y > MAX_YEAR) return `year ${y} is outside ${MIN_YEAR}–${MAX_YEAR}`;
  if (m < 1 || m > 12) return `month ${m} does not exist`;
  if (d < 1 || d > daysInMonth(y, m)) return `day ${d} does not exist in ${y}-${pad2(m)}`;
  if (hh > 23 || mi > 59 || ss > 59) return `time ${pad2(hh)}:${pad2(mi)}:${pad2(ss)} does not exist`;
  return null;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function epochDayFromParts(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The instant of a local wall-clock time. Parts must already be valid. */
export function instantFromParts(y: number, m: number, d: number, hh = 0, mi = 0, ss = 0, ms = 0): Date {
  return new Date(
    epochDayFromParts(y, m, d) * DAY_MS + ((hh * 60 + mi) * 60 + ss) * 1000 + ms - LOCAL_OFFSET_MS,
  );
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a `YYYY-MM-DD` string naming a day that exists. */
export function isLocalDate(s: unknown): s is LocalDate {
  if (typeof s !== 'string') return false;
  const m = LOCAL_DATE.exec(s);
  return m !== null && invalidParts(Number(m[1]), Number(m[2]), Number(m[3])) === null;
}

/** Validates a `YYYY-MM-DD` string; throws DateParseError otherwise. */
export function parseLocalDate(s: unknown): LocalDate {
  const m = typeof s === 'string' ? LOCAL_DATE.exec(s) : null;
  if (!m) throw new DateParseError('yyyy-MM-dd', s, '2017-05-08');
  const reason = invalidParts(Number(m[1]), Number(m[2]), Number(m[3]));
  if (reason) throw new DateParseError('yyyy-MM-dd', s, '2017-05-08', reason);
  return s as LocalDate;
}

/** Days since 1970-01-01 of a local date (validated). */
export function epochDayOf(localDate: LocalDate): number {
  parseLocalDate(localDate);
  return epochDayFromParts(
    Number(localDate.slice(0, 4)),
    Number(localDate.slice(5, 7)),
    Number(localDate.slice(8, 10)),
  );
}

export function localDateOfEpochDay(epochDay: number): LocalDate {
  const d = new Date(epochDay * DAY_MS);
  return `${pad4(d.getUTCFullYear())}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

export function requireValidDate(date: Date): number {
  const t = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(t)) throw new RangeError('expected a valid Date');
  return t;
}

/** The local calendar day an instant falls on. */
export function localDateOf(date: Date): LocalDate {
  return localDateOfEpochDay(Math.floor((requireValidDate(date) + LOCAL_OFFSET_MS) / DAY_MS));
}

/** Milliseconds since local midnight of the instant's local day. */
export function localMsOfDay(date: Date): number {
  const shifted = requireValidDate(date) + LOCAL_OFFSET_MS;
  return shifted - Math.floor(shifted / DAY_MS) * DAY_MS;
}

export interface LocalTimeParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday */
  dayOfWeek: number;
}

export function localTimeParts(date: Date): LocalTimeParts {
  const d = new Date(requireValidDate(date) + LOCAL_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    dayOfWeek: d.getUTCDay(),
  };
}

/** Local midnight at the start of the day. */
export function startOfLocalDay(localDate: LocalDate): Date {
  return new Date(epochDayOf(localDate) * DAY_MS - LOCAL_OFFSET_MS);
}

/** The last millisecond of the local day (23:59:59.999). */
export function endOfLocalDay(localDate: LocalDate): Date {
  return new Date(epochDayOf(localDate) * DAY_MS + DAY_MS - 1 - LOCAL_OFFSET_MS);
}

/** The instant of a wall-clock time on a local day, e.g. atLocalTime('2020-04-02', 17) for a due time. */
export function atLocalTime(localDate: LocalDate, hour: number, minute = 0): Date {
  return new Date(epochDayOf(localDate) * DAY_MS + (hour * 60 + minute) * 60_000 - LOCAL_OFFSET_MS);
}

export function addDays(localDate: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs a whole number of days, got ${n}`);
  return localDateOfEpochDay(epochDayOf(localDate) + n);
}

/** -1, 0 or 1. Valid `YYYY-MM-DD` strings order like the days they name. */
export function compareLocalDate(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 0 = Sunday … 6 = Saturday. */
export function localDayOfWeek(localDate: LocalDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((epochDayOf(localDate) + 4) % 7) + 7) % 7;
}
