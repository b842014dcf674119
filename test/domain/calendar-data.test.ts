import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { calendarFromEnv, WorkingCalendar } from '../../src/domain/calendar';
import {
  bundledHolidaysDir,
  CalendarDataError,
  loadHolidayDir,
  parseHolidayYear,
} from '../../src/domain/calendar-data';

const root = path.resolve(__dirname, '../..');
const bundled = path.join(root, 'src/domain/holidays');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'holidays-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function yearJson(year: number, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ year, provisional: false, source: 'test', holidays: [], workdays: [], ...extra });
}

describe('bundledHolidaysDir', () => {
  it('finds the folder next to the source module', () => {
    expect(bundledHolidaysDir()).toBe(bundled);
  });

  it('from compiled dist/src/domain, falls back to the project source folder', () => {
    expect(bundledHolidaysDir(path.join(root, 'dist/src/domain'))).toBe(bundled);
  });

  it('prefers JSON next to the module, then <root>/src/domain/holidays, else fails clearly', () => {
    const project = path.join(tmp, 'project');
    const moduleDir = path.join(project, 'dist/src/domain');
    mkdirSync(path.join(moduleDir, 'holidays'), { recursive: true });
    expect(() => bundledHolidaysDir(moduleDir)).toThrow(CalendarDataError);
    mkdirSync(path.join(project, 'src/domain/holidays'), { recursive: true });
    writeFileSync(path.join(project, 'src/domain/holidays/2020.json'), yearJson(2020));
    expect(bundledHolidaysDir(moduleDir)).toBe(path.join(project, 'src/domain/holidays'));
    writeFileSync(path.join(moduleDir, 'holidays/2020.json'), yearJson(2020));
    expect(bundledHolidaysDir(moduleDir)).toBe(path.join(moduleDir, 'holidays'));
  });
});

describe('bundled files', () => {
  const years = loadHolidayDir(bundled);

  it('cover 2019–2027 and are honest about provisional years', () => {
    expect(years.map((y) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(years.filter((y) => y.provisional).map((y) => y.year)).toEqual([2026, 2027]);
  });

  it.each([
    2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027,
  ])('%i has about 11 weekdays off and a source', (year) => {
    const y = years.find((f) => f.year === year)!;
    // 10 statutory days (11 from 2021) on weekdays, a bridge day sometimes, a compensated one in 2020.
    expect(y.holidays.length - y.workdays.length).toBeGreaterThanOrEqual(9);
    expect(y.holidays.length).toBeLessThanOrEqual(13);
    expect(y.source.length).toBeGreaterThan(20);
  });

  it('ignores files that are not YYYY.json (the README)', () => {
    expect(readFileSync(path.join(bundled, 'README.md'), 'utf8')).toContain('YYYY.json');
  });
});

describe('parseHolidayYear', () => {
  it.each([
    ['not JSON', '{', 'not valid JSON'],
    [
      'missing field',
      JSON.stringify({ year: 2020, provisional: false, holidays: [], workdays: [] }),
      'source',
    ],
    ['unknown field', yearJson(2020, { note: 'x' }), 'note'],
    ['impossible date', yearJson(2020, { holidays: [{ date: '2020-02-30', name: 'x' }] }), 'existing day'],
    [
      'date in another year',
      yearJson(2020, { holidays: [{ date: '2021-01-01', name: 'x' }] }),
      'not in 2020',
    ],
    [
      'weekday make-up day',
      yearJson(2020, { workdays: [{ date: '2020-03-04', name: 'x' }] }),
      'not a Saturday',
    ],
    [
      'listed twice',
      yearJson(2020, {
        holidays: [{ date: '2020-01-01', name: 'x' }],
        workdays: [{ date: '2020-01-01', name: 'y' }],
      }),
      'listed twice',
    ],
  ])('rejects %s', (_label, text, reason) => {
    expect(() => parseHolidayYear(text, '/x/2020.json')).toThrow(CalendarDataError);
    expect(() => parseHolidayYear(text, '/x/2020.json')).toThrow(reason);
  });

  it('checks the year against the file name', () => {
    expect(() => parseHolidayYear(yearJson(2021), '/x/2020.json')).toThrow('file name says 2020');
  });
});

describe('an override folder (HOLIDAYS_DIR)', () => {
  const dir = path.join(tmp, 'override');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, '2031.json'),
    yearJson(2031, { holidays: [{ date: '2031-01-01', name: 'Tết Dương lịch' }] }),
  );
  writeFileSync(
    path.join(dir, '2020.json'),
    yearJson(2020, { provisional: true, holidays: [{ date: '2020-03-05', name: 'test day off' }] }),
  );

  it('adds years and replaces bundled ones', () => {
    const cal = new WorkingCalendar([bundled, dir]);
    expect(cal.years()).toContain(2031);
    expect(cal.isWorkingDay('2031-01-01')).toBe(false);
    expect(cal.isWorkingDay('2031-01-02')).toBe(true);
    expect(cal.isWorkingDay('2020-03-05')).toBe(false);
    expect(cal.isWorkingDay('2020-04-30')).toBe(true); // the override's 2020 has only its own day off
    expect(cal.isProvisional(2020)).toBe(true);
  });

  it('is read by calendarFromEnv(), which defaultCalendar() uses', () => {
    expect(calendarFromEnv({ HOLIDAYS_DIR: dir }).isWorkingDay('2031-01-01')).toBe(false);
    expect(() => calendarFromEnv({}).isWorkingDay('2031-01-01')).toThrow('no working-day calendar for 2031');
  });

  it('an empty or missing folder is an error', () => {
    expect(() => new WorkingCalendar(path.join(tmp, 'nowhere'))).toThrow(CalendarDataError);
  });
});
