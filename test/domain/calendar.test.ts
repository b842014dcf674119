import { describe, expect, it } from 'vitest';
import {
  CalendarYearMissingError,
  defaultCalendar,
  type HolidayYear,
  WorkingCalendar,
} from '../../src/domain/calendar';
import type { TimeUnit } from '../../src/domain/model';

const cal = defaultCalendar();

/** A local (UTC+07:00) wall-clock time. */
function at(localDateTime: string): Date {
  return new Date(`${localDateTime.replace(' ', 'T')}:00+07:00`);
}

describe('isWorkingDay', () => {
  it.each([
    ['2020-01-01', false, 'Tết Dương lịch'],
    ['2020-01-22', true, 'the day before Tết 2020'],
    ['2020-01-23', false, 'Tết 2020'],
    ['2020-01-24', false, 'Tết 2020'],
    ['2020-01-25', false, 'Tết 2020, Saturday'],
    ['2020-01-27', false, 'Tết 2020'],
    ['2020-01-29', false, 'Tết 2020'],
    ['2020-01-30', true, 'back after Tết 2020'],
    ['2020-04-02', false, 'Hùng Kings 2020'],
    ['2020-04-29', true, 'ordinary Wednesday'],
    ['2020-04-30', false, '30/4'],
    ['2020-05-01', false, '1/5'],
    ['2020-09-02', false, 'Quốc khánh 2020'],
    ['2020-09-03', true, 'no second day for 2/9 before 2021'],
    ['2021-09-03', false, 'day next to 2/9 from 2021'],
    ['2019-01-05', true, 'make-up Saturday for 31/12/2018'],
    ['2019-04-29', false, 'bridge day 2019'],
    ['2019-05-04', true, 'make-up Saturday 2019'],
    ['2024-04-29', false, 'bridge day 2024'],
    ['2024-05-04', true, 'make-up Saturday 2024'],
    ['2024-05-11', false, 'ordinary Saturday'],
    ['2025-04-26', true, 'make-up Saturday 2025'],
    ['2025-05-02', false, 'bridge day 2025'],
    ['2023-05-02', false, 'compensatory day for Hùng Kings on a Saturday'],
    ['2023-09-04', false, 'compensatory day for 2/9 on a Saturday'],
    ['2022-01-03', false, 'compensatory day for 1/1 on a Saturday'],
    ['2027-05-03', false, 'compensatory 1/5 (provisional year)'],
  ])('%s → %s (%s)', (d, working) => {
    expect(cal.isWorkingDay(d)).toBe(working);
  });
});

describe('addWorkingDays and workingDaysBetween', () => {
  it.each([
    ['2020-01-22', 0, '2020-01-22'],
    ['2020-01-22', 1, '2020-01-30'],
    ['2020-01-21', 3, '2020-01-31'],
    ['2020-01-23', 1, '2020-01-30'],
    ['2019-12-31', 1, '2020-01-02'],
    ['2020-03-05', 20, '2020-04-03'],
    ['2024-04-26', 3, '2024-05-04'],
    ['2024-04-26', 4, '2024-05-06'],
  ])('addWorkingDays(%s, %d) = %s', (d, n, expected) => {
    expect(cal.addWorkingDays(d, n)).toBe(expected);
    expect(cal.workingDaysBetween(d, expected)).toBe(n);
  });

  it('rejects negative or fractional counts', () => {
    expect(() => cal.addWorkingDays('2020-01-22', -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2020-01-22', 1.5)).toThrow(RangeError);
  });

  it.each([
    ['2020-01-22', '2020-01-31', 2],
    ['2020-01-31', '2020-01-22', -2],
    ['2020-01-22', '2020-01-22', 0],
    ['2020-01-24', '2020-01-26', 0],
    ['2020-01-01', '2020-12-31', 252],
    ['2023-12-31', '2024-12-31', 251],
  ])('workingDaysBetween(%s, %s) = %d', (a, b, n) => {
    expect(cal.workingDaysBetween(a, b)).toBe(n);
  });
});

describe('years', () => {
  it('bundles 2019–2027, with 2026 and 2027 provisional', () => {
    expect(cal.years()).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(cal.isProvisional(2020)).toBe(false);
    expect(cal.isProvisional(2027)).toBe(true);
  });

  it.each([
    ['isWorkingDay 2031', () => cal.isWorkingDay('2031-01-02'), 2031],
    ['isWorkingDay 2018', () => cal.isWorkingDay('2018-12-31'), 2018],
    ['addWorkingDays into 2028', () => cal.addWorkingDays('2027-12-30', 5), 2028],
    ['workingDaysBetween into 2028', () => cal.workingDaysBetween('2027-12-30', '2028-01-05'), 2028],
    ['isProvisional 2031', () => cal.isProvisional(2031), 2031],
    ['addWorkingTime into 2028', () => cal.addWorkingTime(at('2027-12-30 10:00'), 5, 'WORKING_DAY'), 2028],
  ])('%s throws CalendarYearMissingError', (_label, fn, year) => {
    expect(fn).toThrow(CalendarYearMissingError);
    expect(fn).toThrow(
      `no working-day calendar for ${year}: add src/domain/holidays/${year}.json or set HOLIDAYS_DIR`,
    );
  });

  it('refuses to count across a year with no file', () => {
    const year = (y: number): HolidayYear => ({
      year: y,
      provisional: true,
      source: 'test',
      holidays: [],
      workdays: [],
    });
    const gappy = new WorkingCalendar([year(2019), year(2021)]);
    expect(gappy.workingDaysBetween('2021-01-01', '2021-01-08')).toBe(5);
    expect(() => gappy.workingDaysBetween('2019-12-30', '2021-01-04')).toThrow(
      'no working-day calendar for 2020',
    );
    expect(() => gappy.addWorkingDays('2019-12-30', 5)).toThrow('no working-day calendar for 2020');
  });
});

describe('addWorkingTime', () => {
  it.each([
    ['2020-01-22 09:30', 1, 'WORKING_DAY', '2020-01-30 17:00'],
    ['2020-03-05 09:30', 20, 'WORKING_DAY', '2020-04-03 17:00'],
    ['2020-03-02 09:00', 0, 'WORKING_DAY', '2020-03-02 17:00'],
    // A fraction of a working day rounds up: 17:00 on the next whole working day.
    ['2020-03-02 09:00', 0.5, 'WORKING_DAY', '2020-03-03 17:00'],
    ['2020-03-02 09:00', 0.75, 'WORKING_DAY', '2020-03-03 17:00'],
    ['2020-03-02 09:00', 1.5, 'WORKING_DAY', '2020-03-04 17:00'],
    ['2020-01-22 10:00', 0.5, 'WORKING_DAY', '2020-01-30 17:00'], // Tết Canh Tý 23–29 Jan
    ['2020-01-18 10:00', 1, 'WORKING_DAY', '2020-01-20 17:00'],
    ['2024-04-26 10:00', 3, 'WORKING_DAY', '2024-05-04 17:00'],
    // Working hours 08:00–17:00, no lunch break (domain.md names the one span).
    ['2020-03-02 10:00', 2, 'HOUR', '2020-03-02 12:00'],
    ['2020-03-02 10:00', 1.5, 'HOUR', '2020-03-02 11:30'],
    ['2020-03-02 06:00', 1, 'HOUR', '2020-03-02 09:00'], // the clock starts at 08:00
    ['2020-03-02 12:00', 1, 'HOUR', '2020-03-02 13:00'],
    ['2020-03-02 08:00', 9, 'HOUR', '2020-03-02 17:00'], // one whole working day
    ['2020-03-02 16:30', 1, 'HOUR', '2020-03-03 08:30'], // half an hour today, half tomorrow
    ['2020-03-02 17:00', 8, 'HOUR', '2020-03-03 16:00'],
    ['2020-03-02 17:00', 9, 'HOUR', '2020-03-03 17:00'],
    ['2020-01-17 15:00', 4, 'HOUR', '2020-01-20 10:00'], // Friday: 2 h, then Monday 2 h
    ['2020-01-22 16:00', 3, 'HOUR', '2020-01-30 10:00'], // 1 h, Tết, then 2 h
    ['2020-03-07 10:00', 1, 'HOUR', '2020-03-09 09:00'], // Saturday: Monday 08:00 + 1 h
    ['2020-03-02 10:15', 0, 'HOUR', '2020-03-02 10:15'],
    ['2020-03-05 09:30', 30, 'DAY', '2020-04-04 17:00'],
    ['2020-03-05 09:30', 0.5, 'DAY', '2020-03-06 17:00'],
    ['2020-03-05 23:30', 1, 'DAY', '2020-03-06 17:00'],
    ['2020-01-31 10:00', 1, 'MONTH', '2020-02-29 17:00'],
    ['2020-03-05 10:00', 1, 'MONTH', '2020-04-05 17:00'],
    ['2020-02-29 10:00', 12, 'MONTH', '2021-02-28 17:00'],
    ['2020-11-15 10:00', 3, 'MONTH', '2021-02-15 17:00'],
  ] as const)('%s + %d %s = %s', (from, value, unit, expected) => {
    expect(cal.addWorkingTime(at(from), value, unit).toISOString()).toBe(at(expected).toISOString());
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %d', (value) => {
    expect(() => cal.addWorkingTime(at('2020-03-02 09:00'), value, 'WORKING_DAY')).toThrow(RangeError);
  });

  it('rejects an unknown unit', () => {
    expect(() => cal.addWorkingTime(at('2020-03-02 09:00'), 1, 'WEEK' as TimeUnit)).toThrow(RangeError);
  });

  it('never gets earlier as the value grows', () => {
    let previous = 0;
    for (let tenth = 0; tenth <= 40; tenth++) {
      const due = cal.addWorkingTime(at('2020-01-21 14:00'), tenth / 10, 'WORKING_DAY').getTime();
      expect(due).toBeGreaterThanOrEqual(previous);
      previous = due;
    }
  });
});

describe('elapsedWorkingDays', () => {
  it.each([
    ['2020-03-02 09:00', '2020-03-04 17:00', 2],
    ['2020-03-02 09:00', '2020-03-04 12:30', 1.5], // Tuesday, then 4.5 of Wednesday's 9 hours
    ['2020-03-02 09:00', '2020-03-03 10:15', 0.25], // 2.25 of 9 hours
    ['2020-03-02 09:00', '2020-03-02 15:00', 0],
    ['2020-03-02 09:00', '2020-03-01 15:00', 0],
    ['2020-01-22 10:00', '2020-01-30 17:00', 1],
    ['2020-01-22 10:00', '2020-01-26 12:00', 0],
    ['2020-01-18 10:00', '2020-01-20 17:00', 1],
  ])('%s → %s = %d', (from, to, days) => {
    expect(cal.elapsedWorkingDays(at(from), at(to))).toBe(days);
  });

  it.each([
    [1, 1],
    [2, 2],
    [5, 5],
    [20, 20],
    [0.5, 1],
    [1.25, 2],
    [1 / 3, 1],
  ])('is the inverse of addWorkingTime for %d working days (rounded up: %d)', (n, whole) => {
    for (const from of ['2020-01-21 14:00', '2020-03-07 10:00', '2024-04-26 16:59', '2020-03-02 06:00']) {
      const due = cal.addWorkingTime(at(from), n, 'WORKING_DAY');
      expect(cal.elapsedWorkingDays(at(from), due)).toBe(whole);
    }
  });
});

describe('defaultCalendar', () => {
  it('is built once', () => {
    expect(defaultCalendar()).toBe(cal);
  });
});
