/**
 * Dossier i as iGate shows it (upstream-apis.md §2 "Dossiers"), generated from (seed, i):
 * the listing it is filed on (popular procedures more often), the channel (the online
 * share rises from 2019 to 2021), the applicant, and a life placed so that its last event
 * falls at or before the dossier's update instant.
 */
import type { WorkingCalendar } from '../../../src/domain/calendar';
import type { Channel, TimeUnit } from '../../../src/domain/model';
import { type Rng, rngFor } from '../kit/prng';
import { DAY_MS, toIsoLocal, unlessMissingYear } from '../kit/time';
import {
  drawPlan,
  drawStatus,
  type Events,
  type FlowPlan,
  placeEvents,
  STATUS_NAMES,
  type StatusId,
} from './dossier-flow';
import type { RawRecord } from './listing-view';
import { applicantFor } from './people';

/** What a dossier needs of the listing it is filed on. */
export interface FilingTarget {
  id: string;
  code: string;
  nationalCode: string;
  nationCodeNull: boolean;
  agencies: { id: string | null; code: string }[];
  times: Partial<Record<Channel, { value: number; unit: TimeUnit }>>;
}

export interface DossierGenContext {
  seed: number;
  calendar: WorkingCalendar;
  asOf: number;
  /** Earliest filing instant (the calendar's first year). */
  floor: number;
  /** The listing a dossier is filed on, from its generator (or a planted one). */
  target(index: number, rng: Rng): FilingTarget;
  /** A planted dossier must end returned (on an abolished procedure). */
  forcedStatus(index: number): StatusId | null;
}

const APPLY_METHOD: Record<Channel, number> = { DIRECT: 0, ONLINE: 1, POSTAL: 2 };
const ONLINE_SHARE: Record<number, number> = { 2019: 0.12, 2020: 0.32, 2021: 0.5 };

/** The raw dossier; `contentAt` fixes its life, `updatedAt` is what iGate reports as changed. */
export function dossierRaw(
  ctx: DossierGenContext,
  index: number,
  contentAt: number,
  updatedAt: number,
  fresh: boolean,
): RawRecord {
  const rng = rngFor(ctx.seed, 'dossier', index);
  const target = ctx.target(index, rng);
  const year = new Date(contentAt + 7 * 3_600_000).getUTCFullYear();
  const channel = drawChannel(rng, year, target);
  const time = target.times[channel] ?? { value: 5, unit: 'WORKING_DAY' as TimeUnit };
  const status = ctx.forcedStatus(index) ?? drawStatus(rng, fresh ? 0 : (ctx.asOf - contentAt) / DAY_MS);
  const plan = drawPlan(rng, status, channel, { value: Math.max(time.value, 0.5), unit: time.unit });
  const e = placeLife(ctx, plan, contentAt, rng.int(0, 4 * 3600) * 1000);
  const applicant = applicantFor(rng);
  const agency = rng.pick(target.agencies);
  const finalStatus = e.status;
  const done = e.events.completed !== null;
  const rated = done && rng.chance(channel === 'ONLINE' ? 0.45 : 0.25);
  const ratingValue = e.events.late ? rng.pick([2, 3, 3]) : rng.pick([1, 1, 1, 2, 2, 3]);
  const iso = (t: number | null): string | null => (t === null ? null : toIsoLocal(t));
  return {
    id: rngFor(ctx.seed, 'dossier-id', index).hex(24),
    code: `${agency.code}-${yymmdd(e.events.applied)}-${String(index).padStart(6, '0')}`,
    procedure: {
      id: target.id,
      code: target.code,
      nationCode: target.nationCodeNull ? null : target.nationalCode,
    },
    agency: { id: agency.id, code: agency.code },
    applicant,
    applyMethod: { id: APPLY_METHOD[channel] },
    appliedDate: iso(e.events.applied),
    acceptedDate: iso(e.events.accepted),
    appointmentDate: iso(e.events.appointment),
    completedDate: iso(e.events.completed),
    returnedDate: iso(e.events.returned),
    withdrawnDate: iso(e.events.withdrawn),
    dossierStatus: { id: finalStatus, name: STATUS_NAMES[finalStatus] },
    supplements: e.events.supplements.map((s) => ({
      requestedDate: iso(s.requested),
      receivedDate: iso(s.received),
    })),
    rating: rated
      ? {
          value: ratingValue,
          ratedDate: iso(Math.min(updatedAt, (e.events.last ?? 0) + rng.int(60, 7200) * 1000)),
        }
      : null,
    updatedDate: toIsoLocal(updatedAt),
  };
}

function drawChannel(rng: Rng, year: number, target: FilingTarget): Channel {
  const online = ONLINE_SHARE[year] ?? (year < 2019 ? 0.1 : 0.6);
  const u = rng.next();
  const wanted: Channel = u < online ? 'ONLINE' : u < online + 0.04 ? 'POSTAL' : 'DIRECT';
  if (target.times[wanted]) return wanted;
  return target.times.DIRECT ? 'DIRECT' : target.times.ONLINE ? 'ONLINE' : 'DIRECT';
}

/**
 * Places the life so its last event is at or a little before `at`: from a first guess of
 * the filing day, move it by the difference. Weekends and holidays make that inexact
 * (a filing moved onto a Saturday is accepted on Monday), so a few rounds keep the best
 * placement that ends in time. A life that cannot end in time (it would start before
 * the calendar's first year) becomes a dossier just filed.
 */
function placeLife(
  ctx: DossierGenContext,
  plan: FlowPlan,
  at: number,
  gap: number,
): { events: Events; status: StatusId } {
  const target = at - gap;
  let applied = Math.max(ctx.floor, at - 20 * DAY_MS);
  let best: Events | null = null;
  try {
    for (let round = 0; round < 4; round++) {
      const events = placeEvents(ctx.calendar, plan, applied);
      if (events.last <= at && (best === null || events.last > best.last)) best = events;
      const diff = target - events.last;
      if (best !== null && at - best.last < 6 * 3_600_000) break;
      const next = Math.max(ctx.floor, applied + (events.last > at ? diff - DAY_MS : diff));
      if (next === applied) break;
      applied = next;
    }
  } catch (error) {
    // A date past the calendar's years: keep the best placement so far. Anything else is a bug.
    unlessMissingYear(error);
  }
  if (best !== null) return { events: best, status: plan.status };
  const registered = { ...plan, status: 0 as StatusId };
  return { events: placeEvents(ctx.calendar, registered, Math.max(ctx.floor, target)), status: 0 };
}

function yymmdd(t: number): string {
  const d = new Date(t + 7 * 3_600_000);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}`;
}
