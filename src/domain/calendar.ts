import { bundledHolidaysDir, type HolidayYear, loadHolidayDir } from './calendar-data';
import {
  DAY_MS,
  epochDayFromParts,
  epochDayOf,
  LOCAL_OFFSET_MS,
  localDateOfEpochDay,
  requireValidDate,
} from './local-date';
import type { LocalDate, TimeUnit } from './model';
import {
  addCalendarTime,
  DUE_HOUR,
  WORKDAY_MS,
  workingMsIntoDay,
  workingOffsetToTimeOfDay,
} from './working-hours';

export { bundledHolidaysDir, CalendarDataError, type HolidayYear } from './calendar-data';
export { WORKDAY_HOURS, WORKDAY_SCHEDULE } from './working-hours';

/** A date in a year the loaded calendar has no file for. */
export class CalendarYearMissingError extends Error {
  readonly year: number;

  constructor(year: number, loaded: readonly number[]) {
    const range = loaded.length ? `${loaded[0]}–${loaded[loaded.length - 1]}` : 'none';
    super(
      `no working-day calendar for ${year}: add src/domain/holidays/${year}.json or set HOLIDAYS_DIR (loaded years: ${range})`,
    );
    this.name = 'CalendarYearMissingError';
    this.year = year;
  }
}

/**
 * Working days (domain.md, "Working days"): Monday–Friday minus public holidays and
 * announced days off, plus the make-up Saturdays. Days are local (Asia/Ho_Chi_Minh).
 * Day lookups are O(1) through a cumulative count over every loaded day.
 */
export class WorkingCalendar {
  private readonly data = new Map<number, HolidayYear>();
  private readonly firstYear: number;
  private readonly firstDay: number;
  /** 1 for a working day, per day from firstYear-01-01. Days of a missing year are 0. */
  private readonly working: Uint8Array;
  /** cumulative[i] = working days in [firstDay, firstDay + i]. */
  private readonly cumulative: Int32Array;
  /** 1 for a day of a loaded year. */
  private readonly known: Uint8Array;
  /** True when a year between the first and the last has no file. */
  private readonly hasGaps: boolean;

  /**
   * From one holiday folder, or several where a later folder's year replaces an
   * earlier one's (bundled first, then HOLIDAYS_DIR), or from parsed year data.
   */
  constructor(source: string | readonly string[] | readonly HolidayYear[] = bundledHolidaysDir()) {
    const list = typeof source === 'string' ? [source] : source;
    for (const item of list) {
      const years = typeof item === 'string' ? loadHolidayDir(item) : [item];
      for (const y of years) this.data.set(y.year, y);
    }
    const sorted = this.years();
    if (sorted.length === 0) throw new RangeError('a working calendar needs at least one year');
    this.firstYear = sorted[0]!;
    this.firstDay = epochDayFromParts(this.firstYear, 1, 1);
    const length = epochDayFromParts(sorted[sorted.length - 1]! + 1, 1, 1) - this.firstDay;
    this.working = new Uint8Array(length);
    this.cumulative = new Int32Array(length);
    this.known = new Uint8Array(length);
    this.hasGaps = sorted.length !== sorted[sorted.length - 1]! - this.firstYear + 1;
    this.fill();
  }

  private fill(): void {
    for (const y of this.data.values()) {
      const start = epochDayFromParts(y.year, 1, 1) - this.firstDay;
      const end = epochDayFromParts(y.year + 1, 1, 1) - this.firstDay;
      this.known.fill(1, start, end);
      for (let i = start; i < end; i++) {
        const dow = (this.firstDay + i + 4) % 7; // 1970-01-01 was a Thursday
        this.working[i] = dow >= 1 && dow <= 5 ? 1 : 0;
      }
      for (const h of y.holidays) this.working[epochDayOf(h.date) - this.firstDay] = 0;
      for (const w of y.workdays) this.working[epochDayOf(w.date) - this.firstDay] = 1;
    }
    let count = 0;
    for (let i = 0; i < this.working.length; i++) {
      count += this.working[i]!;
      this.cumulative[i] = count;
    }
  }

  /** Loaded years, ascending. */
  years(): number[] {
    return [...this.data.keys()].sort((a, b) => a - b);
  }

  /** True when the year's file is an estimate, not the announced schedule. */
  isProvisional(year: number): boolean {
    const y = this.data.get(year);
    if (!y) throw new CalendarYearMissingError(year, this.years());
    return y.provisional;
  }

  isWorkingDay(d: LocalDate): boolean {
    return this.working[this.indexOf(d)] === 1;
  }

  /** The n-th working day after `d` (n ≥ 0, whole); `d` itself when n is 0. */
  addWorkingDays(d: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays needs a whole n ≥ 0, got ${n}`);
    const i = this.indexOf(d);
    if (n === 0) return d;
    const j = this.firstIndexWithCount(this.cumulative[i]! + n, i);
    return localDateOfEpochDay(this.firstDay + j);
  }

  /** Working days after `a` up to and including `b`; negative when b < a. */
  workingDaysBetween(a: LocalDate, b: LocalDate): number {
    const ia = this.indexOf(a);
    const ib = this.indexOf(b);
    this.requireYearsBetween(ia, ib);
    return this.cumulative[ib]! - this.cumulative[ia]!;
  }

  /**
   * A due instant the way iGate computes an appointment date (domain.md, due). WORKING_DAY
   * n: 17:00 on the n-th working day after the accepted day; a fraction rounds up (domain.md
   * names only whole days, always ending at 17:00, and a deadline is never shortened; the
   * SQL does the same). HOUR n: n working hours (08:00–17:00, WORKDAY_SCHEDULE) from the
   * instant. DAY and MONTH: 17:00 on the day n calendar days / months later (rounded up too).
   */
  addWorkingTime(instant: Date, value: number, unit: TimeUnit): Date {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`expected a time value ≥ 0, got ${value}`);
    if (unit === 'DAY' || unit === 'MONTH') return addCalendarTime(instant, value, unit);
    if (unit !== 'WORKING_DAY' && unit !== 'HOUR') throw new RangeError(`unknown time unit ${String(unit)}`);
    const t = requireValidDate(instant);
    const day = this.dayIndexOfInstant(t);
    const start = unit === 'WORKING_DAY' ? this.cumulative[day]! * WORKDAY_MS : this.workingMsAt(t);
    const add = unit === 'WORKING_DAY' ? Math.ceil(value) * WORKDAY_MS : Math.round(value * 3_600_000);
    if (add === 0) return unit === 'WORKING_DAY' ? this.instantOf(day, DUE_HOUR * 3_600_000) : new Date(t);
    return this.instantAtWorkingMs(start + add, day);
  }

  /**
   * Working days from the end of `from`'s local day to `to`, fractional (9 working hours
   * a day): the inverse of addWorkingTime(from, n, 'WORKING_DAY') for a whole n. 0 when
   * `to` is on or before that day's end.
   */
  elapsedWorkingDays(from: Date, to: Date): number {
    const day = this.dayIndexOfInstant(requireValidDate(from));
    const t = requireValidDate(to);
    this.requireYearsBetween(day, this.dayIndexOfInstant(t));
    return Math.max(0, this.workingMsAt(t) - this.cumulative[day]! * WORKDAY_MS) / WORKDAY_MS;
  }

  /** Working milliseconds from the calendar's first day to instant t. */
  private workingMsAt(t: number): number {
    const i = this.dayIndexOfInstant(t);
    const before = i > 0 ? this.cumulative[i - 1]! : 0;
    const msOfDay = t + LOCAL_OFFSET_MS - (this.firstDay + i) * DAY_MS;
    return before * WORKDAY_MS + (this.working[i] === 1 ? workingMsIntoDay(msOfDay) : 0);
  }

  /** The earliest instant at which `position` working ms have passed; `fromIndex` bounds the year check. */
  private instantAtWorkingMs(position: number, fromIndex: number): Date {
    const k = Math.ceil(position / WORKDAY_MS);
    const j = this.firstIndexWithCount(k, fromIndex);
    return this.instantOf(j, workingOffsetToTimeOfDay(position - (k - 1) * WORKDAY_MS));
  }

  private instantOf(index: number, msOfDay: number): Date {
    return new Date((this.firstDay + index) * DAY_MS + msOfDay - LOCAL_OFFSET_MS);
  }

  /** Smallest index whose cumulative count reaches `count` (always a working day). */
  private firstIndexWithCount(count: number, fromIndex: number): number {
    let lo = fromIndex;
    let hi = this.cumulative.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! >= count) hi = mid;
      else lo = mid + 1;
    }
    if (lo === this.cumulative.length) throw new CalendarYearMissingError(this.yearOfIndex(lo), this.years());
    this.requireYearsBetween(fromIndex, lo);
    return lo;
  }

  private dayIndexOfInstant(t: number): number {
    const i = Math.floor((t + LOCAL_OFFSET_MS) / DAY_MS) - this.firstDay;
    this.requireLoaded(i);
    return i;
  }

  private indexOf(d: LocalDate): number {
    const i = epochDayOf(d) - this.firstDay;
    this.requireLoaded(i);
    return i;
  }

  private yearOfIndex(i: number): number {
    return Number(localDateOfEpochDay(this.firstDay + i).slice(0, 4));
  }

  private requireLoaded(i: number): void {
    if (this.known[i] === 1) return;
    const year = this.yearOfIndex(i);
    if (!this.data.has(year)) throw new CalendarYearMissingError(year, this.years());
  }

  /** A span crossing a year with no file would silently count it as all holidays. */
  private requireYearsBetween(i: number, j: number): void {
    if (!this.hasGaps) return;
    const a = this.yearOfIndex(Math.min(i, j));
    const b = this.yearOfIndex(Math.max(i, j));
    for (let y = a; y <= b; y++) if (!this.data.has(y)) throw new CalendarYearMissingError(y, this.years());
  }
}

/** The bundled calendar, with the years in HOLIDAYS_DIR (when set) replacing or adding to them. */
export function calendarFromEnv(env: NodeJS.ProcessEnv = process.env): WorkingCalendar {
  const override = env.HOLIDAYS_DIR?.trim();
  return new WorkingCalendar(override ? [bundledHolidaysDir(), override] : bundledHolidaysDir());
}

let cached: WorkingCalendar | undefined;

/** calendarFromEnv(), built once per process. */
export function defaultCalendar(): WorkingCalendar {
  cached ??= calendarFromEnv();
  return cached;
}
