/**
 * Form 06 computed independently, in TypeScript, straight from domain.md ("When a dossier is
 * on time", "The dossier report") and the raw dossier records: no SQL, nothing of the report
 * module. Working days come from the domain calendar (the data both sides must share); the
 * due-date derivation, both rules and every figure are written here again on purpose.
 */
import type { WorkingCalendar } from '../../../src/domain/calendar';
import type { DossierRecord } from '../../../src/domain/model';
import type { AgencySeed, ListingSeed } from './seed';

const HOUR = 3_600_000;
const OFFSET = 7 * HOUR;
type Rule = 'PROVINCIAL' | 'NATIONAL';
type Grouping = 'AGENCY' | 'SECTOR' | 'LEVEL' | 'PROCEDURE';

export const localDay = (ms: number) => new Date(ms + OFFSET).toISOString().slice(0, 10);
const at = (day: string, hours: number) => Date.parse(`${day}T00:00:00+07:00`) + hours * HOUR;
const plusDays = (day: string, n: number) => localDay(at(day, 12) + n * 24 * HOUR);

export interface OracleWorld {
  agencies: AgencySeed[];
  listings: ListingSeed[];
  calendar: WorkingCalendar;
}

/** The due instant iGate would set from a processing time, domain.md "due"; null when it cannot be known. */
function derivedDue(accepted: number, value: number, unit: string, cal: WorkingCalendar): number | null {
  const day = localDay(accepted);
  try {
    if (unit === 'WORKING_DAY') {
      const n = Math.ceil(value);
      return at(n === 0 ? day : cal.addWorkingDays(day, n), 17);
    }
    if (unit === 'DAY') return at(plusDays(day, Math.ceil(value)), 17);
    if (unit === 'MONTH') return at(monthsLater(day, Math.ceil(value)), 17);
    if (unit === 'HOUR') return value === 0 ? accepted : workingHoursLater(accepted, value, cal);
  } catch {
    return null; // a year the calendar has no data for
  }
  return null;
}

/** The same day of the month n months later, or that month's last day when it is shorter. */
function monthsLater(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** `value` working hours after `accepted`: working hours are 08:00–17:00 on working days (domain.md). */
function workingHoursLater(accepted: number, value: number, cal: WorkingCalendar): number {
  const day = localDay(accepted);
  let current = day;
  let hour = (accepted - at(day, 0)) / HOUR;
  if (!cal.isWorkingDay(current) || hour >= 17) {
    current = cal.addWorkingDays(current, 1);
    hour = 8;
  } else if (hour < 8) hour = 8;
  let remaining = value;
  for (;;) {
    const available = 17 - hour;
    if (remaining <= available) return at(current, hour + remaining);
    remaining -= available;
    current = cal.addWorkingDays(current, 1);
    hour = 8;
  }
}

interface Facts {
  d: DossierRecord;
  received: boolean;
  acceptedDay: string | null;
  end: { kind: 'COMPLETED' | 'WITHDRAWN'; at: number; day: string } | null;
  due: number | null;
  nationalDue: number | null;
}

const ms = (x: Date | null) => (x ? x.getTime() : null);

function factsOf(d: DossierRecord, w: OracleWorld): Facts {
  const due = dueOf(d, w);
  let nationalDue = due;
  const only = d.supplements.length === 1 ? d.supplements[0] : undefined;
  if (due !== null && only?.requestedAt && only.receivedAt) {
    nationalDue = due + Math.max(0, only.receivedAt.getTime() - only.requestedAt.getTime());
  }
  return {
    d,
    received: d.acceptedAt !== null && d.status !== 'NOT_RECEIVED',
    acceptedDay: d.acceptedAt ? localDay(d.acceptedAt.getTime()) : null,
    end: endOf(d),
    due,
    nationalDue,
  };
}

/** How the dossier ended: completed (or returned) unless withdrawn first; a stopped one has not ended. */
function endOf(d: DossierRecord): Facts['end'] {
  const stopped = d.status === 'STOPPED';
  const completion = stopped ? null : (ms(d.completedAt) ?? ms(d.returnedAt));
  const withdrawal = stopped ? null : ms(d.withdrawnAt);
  if (completion !== null && (withdrawal === null || completion <= withdrawal)) {
    return { kind: 'COMPLETED', at: completion, day: localDay(completion) };
  }
  if (withdrawal !== null) return { kind: 'WITHDRAWN', at: withdrawal, day: localDay(withdrawal) };
  return null;
}

/** The appointment, or when there is none, the due instant derived from the listing's processing time. */
function dueOf(d: DossierRecord, w: OracleWorld): number | null {
  const due = ms(d.appointmentAt);
  if (due !== null || !d.acceptedAt) return due;
  const listing = w.listings.find((l) => l.code === d.listingCode);
  const time = listing?.times[d.channel];
  return time ? derivedDue(d.acceptedAt.getTime(), time[0], time[1], w.calendar) : null;
}

function completedClass(f: Facts, rule: Rule): 'EARLY' | 'ON_TIME' | 'LATE' {
  const end = f.end!;
  if (rule === 'PROVINCIAL') {
    if (f.due === null) return 'ON_TIME';
    const dueDay = localDay(f.due);
    return end.day < dueDay ? 'EARLY' : end.day === dueDay ? 'ON_TIME' : 'LATE';
  }
  if (f.d.supplements.length > 1) return 'LATE';
  if (f.nationalDue === null) return 'ON_TIME';
  if (end.at > f.nationalDue) return 'LATE';
  return end.day < localDay(f.nationalDue) ? 'EARLY' : 'ON_TIME';
}

function withinAtEnd(f: Facts, rule: Rule, to: string): boolean {
  if (rule === 'PROVINCIAL') return f.due === null || localDay(f.due) >= to;
  if (f.d.supplements.length > 1) return false;
  if (f.nationalDue === null) return true;
  const endInstant = at(plusDays(to, 1), 0);
  if (f.nationalDue >= endInstant) return true;
  const only = f.d.supplements[0];
  const req = only?.requestedAt?.getTime() ?? null;
  const recv = only?.receivedAt?.getTime() ?? null;
  return (
    req !== null && req < endInstant && (recv === null || recv >= endInstant) && f.due !== null && req < f.due
  );
}

function waitingAtEnd(f: Facts, to: string): boolean {
  return f.d.supplements.some(
    (s) =>
      s.requestedAt !== null &&
      localDay(s.requestedAt.getTime()) <= to &&
      (s.receivedAt === null || localDay(s.receivedAt.getTime()) > to),
  );
}

export type OracleFigures = Record<string, number>;

function emptyFigures(): OracleFigures {
  return {
    received: 0,
    carriedOver: 0,
    newOnline: 0,
    newDirect: 0,
    newPostal: 0,
    resolved: 0,
    resolvedEarly: 0,
    resolvedOnTime: 0,
    resolvedLate: 0,
    withdrawn: 0,
    inProgress: 0,
    inProgressWithinDeadline: 0,
    inProgressOverdue: 0,
    waitingSupplement: 0,
    refusedAtReception: 0,
    undated: 0,
  };
}

const NEW_BY_CHANNEL: Record<string, string> = { ONLINE: 'newOnline', DIRECT: 'newDirect' };
const RESOLVED_BY_CLASS = {
  EARLY: 'resolvedEarly',
  ON_TIME: 'resolvedOnTime',
  LATE: 'resolvedLate',
} as const;

/** Adds one dossier's contribution to a row. */
function add(row: OracleFigures, f: Facts, from: string, to: string, rule: Rule): void {
  const d = f.d;
  if (d.status === 'NOT_RECEIVED' && d.appliedAt) {
    const applied = localDay(d.appliedAt.getTime());
    if (applied >= from && applied <= to) row.refusedAtReception! += 1;
  }
  if (!f.received || f.acceptedDay! > to || (f.end && f.end.day < from)) return;
  const bump = (k: string) => {
    row[k] = (row[k] ?? 0) + 1;
  };
  bump('received');
  if (f.acceptedDay! < from) bump('carriedOver');
  else bump(NEW_BY_CHANNEL[d.channel] ?? 'newPostal');
  if (f.due === null) bump('undated');
  addStateAtEnd(bump, f, to, rule);
}

/** Where a counted dossier stands at the period's end: resolved (early, on time, late), withdrawn or in progress. */
function addStateAtEnd(bump: (k: string) => void, f: Facts, to: string, rule: Rule): void {
  const ended = f.end !== null && f.end.day <= to;
  if (ended && f.end!.kind === 'COMPLETED') {
    bump('resolved');
    bump(RESOLVED_BY_CLASS[completedClass(f, rule)]);
  } else if (ended) {
    bump('withdrawn');
  } else {
    bump('inProgress');
    bump(withinAtEnd(f, rule, to) ? 'inProgressWithinDeadline' : 'inProgressOverdue');
    if (waitingAtEnd(f, to)) bump('waitingSupplement');
  }
}

function touches(f: Facts, from: string, to: string): boolean {
  const d = f.d;
  const refused =
    d.status === 'NOT_RECEIVED' &&
    d.appliedAt !== null &&
    localDay(d.appliedAt.getTime()) >= from &&
    localDay(d.appliedAt.getTime()) <= to;
  const counted = f.received && f.acceptedDay! <= to && !(f.end && f.end.day < from);
  return refused || counted;
}

export interface OracleQuery {
  from: string;
  to: string;
  groupBy: Grouping;
  rule: Rule;
  rollUp: boolean;
  filter?: { agency?: string[]; channel?: string[] };
}

/** Rows by key (sorted) and the total, as domain.md defines them. */
export type OracleRow = { key: string } & Record<string, number | string>;

export function oracleForm06(
  dossiers: DossierRecord[],
  w: OracleWorld,
  q: OracleQuery,
): { rows: OracleRow[]; total: OracleFigures & { key: string } } {
  const agency = new Map(w.agencies.map((a) => [a.code, a]));
  const listing = new Map(w.listings.map((l) => [l.code, l]));
  const ancestors = (code: string): string[] => {
    const out = [code];
    let parent = agency.get(code)?.parent ?? null;
    while (parent && !out.includes(parent)) {
      out.push(parent);
      parent = agency.get(parent)?.parent ?? null;
    }
    return out;
  };
  const keysOf = (d: DossierRecord): string[] => {
    const l = listing.get(d.listingCode);
    switch (q.groupBy) {
      case 'AGENCY':
        if (!d.agencyCode) return ['UNKNOWN'];
        return q.rollUp ? ancestors(d.agencyCode) : [d.agencyCode];
      case 'SECTOR':
        return [l?.sector?.code ?? 'UNKNOWN'];
      case 'LEVEL':
        return [(d.agencyCode && agency.get(d.agencyCode)?.level) || 'UNKNOWN'];
      case 'PROCEDURE':
        return [l?.nationalCode ?? d.nationalCode];
    }
  };
  const rows = new Map<string, OracleFigures>();
  const total = emptyFigures();
  for (const d of dossiers) {
    if (q.filter?.channel && !q.filter.channel.includes(d.channel)) continue;
    if (
      q.filter?.agency &&
      !(d.agencyCode && ancestors(d.agencyCode).some((a) => q.filter!.agency!.includes(a)))
    )
      continue;
    const f = factsOf(d, w);
    if (!touches(f, q.from, q.to)) continue;
    add(total, f, q.from, q.to, q.rule);
    for (const key of keysOf(d)) {
      const row = rows.get(key) ?? emptyFigures();
      rows.set(key, row);
      add(row, f, q.from, q.to, q.rule);
    }
  }
  const sorted = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    rows: sorted.map(([key, figures]) => ({ key, ...figures })),
    total: { ...total, key: 'TOTAL' } as OracleFigures & { key: string },
  };
}
