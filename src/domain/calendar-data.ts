import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isLocalDate, localDayOfWeek } from './local-date';

/**
 * The working-day calendar is data, one JSON file per year (domain.md, "Working days"):
 * the lunar holidays move and the government announces swaps each year, so no formula
 * can produce it. See holidays/README.md for the file convention.
 */

const day = z.object({
  date: z.string().refine(isLocalDate, 'must be an existing day as YYYY-MM-DD'),
  name: z.string().min(1),
});

const yearFile = z
  .object({
    year: z.number().int().min(1900).max(2199),
    provisional: z.boolean(),
    source: z.string().min(1),
    holidays: z.array(day),
    workdays: z.array(day),
  })
  .strict();

export type HolidayYear = z.infer<typeof yearFile>;

/** A holiday file that is missing, unreadable or inconsistent. */
export class CalendarDataError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CalendarDataError';
  }
}

const YEAR_FILE = /^(\d{4})\.json$/;

function yearFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => YEAR_FILE.test(f))
    .sort();
}

/**
 * The holiday folder shipped with the code. tsc does not copy JSON into dist, so from
 * `dist/src/domain` this falls back to the project's `src/domain/holidays`.
 * `moduleDir` is a parameter only so the resolution can be tested.
 */
export function bundledHolidaysDir(moduleDir: string = __dirname): string {
  const candidates = [
    path.join(moduleDir, 'holidays'),
    path.resolve(moduleDir, '../../../src/domain/holidays'),
  ];
  const found = candidates.find((dir) => yearFilesIn(dir).length > 0);
  if (!found) {
    throw new CalendarDataError(
      `no bundled holiday files (looked in ${candidates.join(', ')}); set HOLIDAYS_DIR`,
    );
  }
  return found;
}

/** Reads and checks every `YYYY.json` of a folder. */
export function loadHolidayDir(dir: string): HolidayYear[] {
  const files = yearFilesIn(dir);
  if (files.length === 0) throw new CalendarDataError(`no YYYY.json holiday files in ${dir}`);
  return files.map((file) =>
    parseHolidayYear(readFileSync(path.join(dir, file), 'utf8'), path.join(dir, file)),
  );
}

/** Parses one year file; `origin` names it in error messages. */
export function parseHolidayYear(text: string, origin: string): HolidayYear {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new CalendarDataError(`${origin}: not valid JSON`, { cause });
  }
  const parsed = yearFile.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new CalendarDataError(`${origin}: ${issues}`);
  }
  const data = parsed.data;
  const fileYear = YEAR_FILE.exec(path.basename(origin))?.[1];
  if (fileYear !== undefined && Number(fileYear) !== data.year) {
    throw new CalendarDataError(`${origin}: file name says ${fileYear} but "year" is ${data.year}`);
  }
  checkDays(data, origin);
  return data;
}

function checkDays(data: HolidayYear, origin: string): void {
  const seen = new Set<string>();
  for (const [list, entries] of [
    ['holidays', data.holidays],
    ['workdays', data.workdays],
  ] as const) {
    for (const { date } of entries) {
      if (!date.startsWith(`${data.year}-`)) {
        throw new CalendarDataError(`${origin}: ${list} has ${date}, which is not in ${data.year}`);
      }
      if (seen.has(date)) throw new CalendarDataError(`${origin}: ${date} is listed twice`);
      seen.add(date);
    }
  }
  for (const { date } of data.workdays) {
    const dow = localDayOfWeek(date);
    // A make-up working day replaces a weekend day; a weekday there is a typo.
    if (dow !== 0 && dow !== 6)
      throw new CalendarDataError(`${origin}: workday ${date} is not a Saturday or Sunday`);
  }
}
