import { CalendarYearMissingError } from '../../../src/domain/calendar';

/**
 * The three portals' date formats, produced from instants (epoch milliseconds). All of
 * them are local time in Asia/Ho_Chi_Minh, UTC+07:00 without daylight saving, so a fixed
 * offset is exact here.
 */

const OFFSET_MS = 7 * 3_600_000;

interface LocalParts {
  y: string;
  mo: string;
  d: string;
  h: string;
  mi: string;
  s: string;
  ms: string;
}

function local(epochMs: number): LocalParts {
  const t = new Date(epochMs + OFFSET_MS);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return {
    y: String(t.getUTCFullYear()).padStart(4, '0'),
    mo: p2(t.getUTCMonth() + 1),
    d: p2(t.getUTCDate()),
    h: p2(t.getUTCHours()),
    mi: p2(t.getUTCMinutes()),
    s: p2(t.getUTCSeconds()),
    ms: String(t.getUTCMilliseconds()).padStart(3, '0'),
  };
}

/** National §1: `yyyyMMddHHmmss`. */
export function toCompact(epochMs: number): string {
  const p = local(epochMs);
  return `${p.y}${p.mo}${p.d}${p.h}${p.mi}${p.s}`;
}

/** National §1 `NGAYBANHANH`: `dd/MM/yyyy`. */
export function toDayMonthYear(epochMs: number): string {
  const p = local(epochMs);
  return `${p.d}/${p.mo}/${p.y}`;
}

/** PAKN §3: `dd/MM/yyyy HH:mm:ss`. */
export function toDayMonthYearTime(epochMs: number): string {
  const p = local(epochMs);
  return `${p.d}/${p.mo}/${p.y} ${p.h}:${p.mi}:${p.s}`;
}

/** iGate §2: `2020-02-18T10:02:11.000+0700`. */
export function toIsoLocal(epochMs: number): string {
  const p = local(epochMs);
  return `${p.y}-${p.mo}-${p.d}T${p.h}:${p.mi}:${p.s}.${p.ms}+0700`;
}

/** A calendar day `2020-06-30` of the instant, in local time. */
export function toLocalDate(epochMs: number): string {
  const p = local(epochMs);
  return `${p.y}-${p.mo}-${p.d}`;
}

/** Local wall-clock time → instant. Month is 1-based. */
export function localInstant(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return Date.UTC(y, mo - 1, d, h, mi, s) - OFFSET_MS;
}

/** `yyyyMMddHHmmss` → instant, or null when it is not exactly that shape and a real time. */
export function fromCompact(text: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const at = localInstant(y, mo, d, h, mi, s);
  return toCompact(at) === text ? at : null;
}

/** `dd/MM/yyyy` → local midnight instant, or null. */
export function fromDayMonthYear(text: string): number | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (!m) return null;
  const at = localInstant(Number(m[3]), Number(m[2]), Number(m[1]));
  return toDayMonthYear(at) === text ? at : null;
}

/**
 * An ISO date-time with an offset (`2020-03-05T08:12:00.000+0700`, `+07:00` or `Z`) →
 * instant, or null when it is not that shape or not a real time. The simulators' own
 * reading, written apart from the connectors' parsers so that a bug in one is not
 * mirrored in the other.
 */
export function fromIsoWithOffset(text: string): number | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(?:([+-])(\d{2}):?(\d{2})|Z)$/.exec(
      text,
    );
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = Number((m[7] ?? '').padEnd(3, '0'));
  const wall = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  // Date.UTC rolls 31 April over into May: a real time reads back the same.
  const real =
    wall.getUTCFullYear() === y &&
    wall.getUTCMonth() === mo - 1 &&
    wall.getUTCDate() === d &&
    h < 24 &&
    mi < 60 &&
    s < 60;
  const offH = Number(m[9] ?? 0);
  const offM = Number(m[10] ?? 0);
  if (!real || offH > 14 || offM > 59) return null;
  const offsetMs = (m[8] === '-' ? -1 : 1) * (offH * 60 + offM) * 60_000;
  return wall.getTime() - offsetMs;
}

export const DAY_MS = 86_400_000;

/**
 * For a simulator's catch around working-day arithmetic: a date past the calendar's years
 * is an expected end (the caller keeps what it has); any other error is a bug, rethrown.
 */
export function unlessMissingYear(error: unknown): void {
  if (!(error instanceof CalendarYearMissingError)) throw error;
}
