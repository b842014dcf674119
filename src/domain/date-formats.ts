import {
  DateParseError,
  instantFromParts,
  invalidParts,
  LOCAL_OFFSET_MS,
  localDateOf,
  localTimeParts,
  pad2,
  pad4,
  parseLocalDate,
} from './local-date';
import type { LocalDate } from './model';

/**
 * The three upstream date formats (upstream-apis.md, "Conventions that hold for all
 * three"). Each parser is strict: wrong length, trailing text, or a day that does not
 * exist (31/02, month 13) throws DateParseError; nothing is guessed or rolled over.
 */

const NATIONAL = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;
const DAY_MONTH_YEAR = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const PAKN = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/;
// Milliseconds optional; offset `+0700`, `+07:00` or `Z`.
const IGATE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;

const NATIONAL_FORMAT = 'yyyyMMddHHmmss';
const DMY_FORMAT = 'dd/MM/yyyy';
const PAKN_FORMAT = 'dd/MM/yyyy HH:mm:ss';
const IGATE_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSS+HHMM";

function match(re: RegExp, value: unknown, format: string, example: string): RegExpExecArray {
  const m = typeof value === 'string' ? re.exec(value) : null;
  if (!m) throw new DateParseError(format, value, example);
  return m;
}

function localInstant(
  value: unknown,
  format: string,
  example: string,
  [y, mo, d, h, mi, s]: [number, number, number, number, number, number],
): Date {
  const reason = invalidParts(y, mo, d, h, mi, s);
  if (reason) throw new DateParseError(format, value, example, reason);
  return instantFromParts(y, mo, d, h, mi, s);
}

/** National database `yyyyMMddHHmmss`, local time (`NGAYCAPNHAT`, `NGAYBAIBO`). */
export function parseNationalDateTime(value: unknown): Date {
  const m = match(NATIONAL, value, NATIONAL_FORMAT, '20200214093000');
  return localInstant(value, NATIONAL_FORMAT, '20200214093000', [
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6]),
  ]);
}

export function formatNationalDateTime(date: Date): string {
  const p = localTimeParts(date);
  return `${pad4(p.year)}${pad2(p.month)}${pad2(p.day)}${pad2(p.hour)}${pad2(p.minute)}${pad2(p.second)}`;
}

/** National `dd/MM/yyyy` day (`NGAYBANHANH`). */
export function parseDayMonthYear(value: unknown): LocalDate {
  const m = match(DAY_MONTH_YEAR, value, DMY_FORMAT, '08/05/2017');
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const reason = invalidParts(y, mo, d);
  if (reason) throw new DateParseError(DMY_FORMAT, value, '08/05/2017', reason);
  return `${m[3]}-${m[2]}-${m[1]}`;
}

export function formatDayMonthYear(localDate: LocalDate): string {
  const d = parseLocalDate(localDate);
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

/** iGate ISO instant with an offset: `2020-03-05T08:12:00.000+0700` (also `+07:00`, `Z`, no millis). */
export function parseIgateDateTime(value: unknown): Date {
  const example = '2020-03-05T08:12:00.000+0700';
  const m = match(IGATE, value, IGATE_FORMAT, example);
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i])) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const reason = invalidParts(y, mo, d, h, mi, s);
  if (reason) throw new DateParseError(IGATE_FORMAT, value, example, reason);
  const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  let offsetMs = 0;
  if (!m[8]) {
    const offH = Number(m[10]);
    const offM = Number(m[11]);
    if (offH > 14 || offM > 59) throw new DateParseError(IGATE_FORMAT, value, example, 'offset out of range');
    offsetMs = (m[9] === '-' ? -1 : 1) * (offH * 60 + offM) * 60_000;
  }
  // instantFromParts reads the parts as +07:00 wall time; re-base them on the given offset.
  return new Date(instantFromParts(y, mo, d, h, mi, s, ms).getTime() + LOCAL_OFFSET_MS - offsetMs);
}

/** Always local time with millis and `+0700`, the form iGate itself sends. */
export function formatIgateDateTime(date: Date): string {
  const p = localTimeParts(date);
  const ms = String(p.millisecond).padStart(3, '0');
  return `${pad4(p.year)}-${pad2(p.month)}-${pad2(p.day)}T${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}.${ms}+0700`;
}

/** iGate plain day `2017-05-08` (`legalBases[].issuedDate`). */
export function parseIgateDate(value: unknown): LocalDate {
  return parseLocalDate(value);
}

/** PAKN `dd/MM/yyyy HH:mm:ss`, local time. */
export function parsePaknDateTime(value: unknown): Date {
  const example = '05/03/2020 08:00:00';
  const m = match(PAKN, value, PAKN_FORMAT, example);
  return localInstant(value, PAKN_FORMAT, example, [
    Number(m[3]),
    Number(m[2]),
    Number(m[1]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6]),
  ]);
}

export function formatPaknDateTime(date: Date): string {
  const p = localTimeParts(date);
  return `${pad2(p.day)}/${pad2(p.month)}/${pad4(p.year)} ${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}`;
}

/** PAKN query day (`tuNgay`, `denNgay`): a local date, or the local day of an instant. */
export function formatPaknDate(day: LocalDate | Date): string {
  return formatDayMonthYear(day instanceof Date ? localDateOf(day) : day);
}
