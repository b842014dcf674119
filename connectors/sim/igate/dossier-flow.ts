/**
 * A dossier's life, from filing to the status it has at its update instant: accepted,
 * an appointment from the procedure's processing time in working time (the working
 * calendar, src/domain/calendar.ts), supplements, on time or late, returned, withdrawn,
 * refused or stopped. All drawn from the dossier's own generator.
 */
import { WORKDAY_HOURS, type WorkingCalendar } from '../../../src/domain/calendar';
import type { Channel, TimeUnit } from '../../../src/domain/model';
import type { Rng } from '../kit/prng';

/** iGate `dossierStatus.id` (upstream-apis.md §2 table). */
export type StatusId = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 16 | 17;

export const STATUS_NAMES: Record<StatusId, string> = {
  0: 'Chờ tiếp nhận',
  1: 'Đã tiếp nhận',
  2: 'Đang xử lý',
  3: 'Chờ bổ sung',
  4: 'Chờ thực hiện nghĩa vụ tài chính',
  5: 'Công dân yêu cầu rút',
  6: 'Dừng xử lý',
  7: 'Có kết quả',
  8: 'Đã trả kết quả',
  9: 'Từ chối tiếp nhận',
  16: 'Đã chuyển xử lý (liên thông)',
  17: 'Chờ phê duyệt',
};

export interface Events {
  applied: number;
  accepted: number | null;
  appointment: number | null;
  completed: number | null;
  returned: number | null;
  withdrawn: number | null;
  supplements: { requested: number; received: number | null }[];
  late: boolean;
  /** The last thing that happened: the update instant is at or after it. */
  last: number;
}

/** What is fixed before the dates are placed (drawn once, reused when the filing day moves). */
export interface FlowPlan {
  status: StatusId;
  channel: Channel;
  time: { value: number; unit: TimeUnit };
  acceptDelay: number;
  supplements: number;
  late: boolean;
  lateDays: number;
  progress: number;
  returnDelayHours: number;
  withdrawBeforeAcceptance: boolean;
}

const OLD_AFTER_DAYS = 45;

/** Final statuses for dossiers long settled; open ones mostly near the end of the timeline. */
export function drawStatus(rng: Rng, ageDays: number): StatusId {
  const table: Array<[StatusId, number]> =
    ageDays > OLD_AFTER_DAYS
      ? [
          [8, 0.8],
          [7, 0.06],
          [5, 0.04],
          [9, 0.03],
          [6, 0.015],
          [2, 0.03],
          [3, 0.015],
          [4, 0.01],
        ]
      : [
          [8, 0.42],
          [7, 0.1],
          [2, 0.12],
          [16, 0.03],
          [17, 0.03],
          [1, 0.06],
          [0, 0.04],
          [3, 0.05],
          [4, 0.02],
          [5, 0.04],
          [9, 0.03],
          [6, 0.03],
        ];
  let u = rng.next() * table.reduce((s, [, p]) => s + p, 0);
  for (const [status, p] of table) {
    u -= p;
    if (u < 0) return status;
  }
  return 8;
}

export function drawPlan(rng: Rng, status: StatusId, channel: Channel, time: FlowPlan['time']): FlowPlan {
  const s = rng.next();
  return {
    status,
    channel,
    time,
    acceptDelay:
      channel === 'ONLINE' ? rng.int(1, 16) : channel === 'POSTAL' ? rng.int(8, 24) : rng.int(5, 60) / 60,
    supplements: status === 3 ? 1 : s < 0.03 ? 2 : s < 0.13 ? 1 : 0,
    late: rng.chance(0.1),
    lateDays: rng.int(1, 10),
    progress: 0.3 + rng.next() * 0.65,
    returnDelayHours: channel === 'ONLINE' ? rng.next() * 0.5 : rng.next() * 16,
    withdrawBeforeAcceptance: channel === 'ONLINE' && rng.chance(0.3),
  };
}

/** Statuses whose dossier is still in work (or stopped, or withdrawn) after its supplements. */
const IN_WORK = new Set<StatusId>([2, 16, 17, 4, 6, 5]);

/** Places the plan's events from the filing instant `applied`. */
export function placeEvents(cal: WorkingCalendar, plan: FlowPlan, applied: number): Events {
  const hours = (at: number, h: number): number => cal.addWorkingTime(new Date(at), h, 'HOUR').getTime();
  const e: Events = {
    applied,
    accepted: null,
    appointment: null,
    completed: null,
    returned: null,
    withdrawn: null,
    supplements: [],
    late: false,
    last: applied,
  };
  const { status } = plan;
  if (status === 0) return e;
  if (status === 9 || (status === 5 && plan.withdrawBeforeAcceptance)) {
    e.last = hours(applied, plan.acceptDelay);
    if (status === 5) e.withdrawn = e.last;
    return e;
  }
  const accepted = hours(applied, plan.acceptDelay);
  const appointment = cal.addWorkingTime(new Date(accepted), plan.time.value, plan.time.unit).getTime();
  Object.assign(e, { accepted, appointment, last: accepted });
  if (status === 1) return e;
  // Work happens in working hours: progress is measured in them, not in calendar time.
  const spanHours = Math.max(
    2,
    cal.elapsedWorkingDays(new Date(accepted), new Date(appointment)) * WORKDAY_HOURS,
  );
  const progressAt = hours(accepted, plan.progress * spanHours);
  placeSupplements(e, plan, hours, accepted, spanHours);
  if (status === 3) return e;
  if (IN_WORK.has(status)) {
    e.last = Math.max(e.last, progressAt);
    if (status === 5) e.withdrawn = e.last;
    return e;
  }
  placeCompletion(cal, e, plan, hours, progressAt, appointment);
  return e;
}

/**
 * The supplement requests, one at a time (the next comes after the previous one was
 * answered); with status 3 the last one is still open.
 */
function placeSupplements(
  e: Events,
  plan: FlowPlan,
  hours: (at: number, h: number) => number,
  accepted: number,
  spanHours: number,
): void {
  for (let k = 0; k < plan.supplements; k++) {
    const requested = Math.max(
      hours(accepted, ((k + 1) / (plan.supplements + 2)) * plan.progress * spanHours),
      e.supplements[k - 1]?.received ?? 0,
    );
    const open = plan.status === 3 && k === plan.supplements - 1;
    const received = open ? null : hours(requested, 8 + 16 * ((k + 1) % 3));
    e.supplements.push({ requested, received });
    e.last = Math.max(e.last, received ?? requested);
  }
}

/** Processed (7) or returned (8): completed on time, or late by some working days; 8 also returned. */
function placeCompletion(
  cal: WorkingCalendar,
  e: Events,
  plan: FlowPlan,
  hours: (at: number, h: number) => number,
  progressAt: number,
  appointment: number,
): void {
  let completed = plan.late
    ? cal.addWorkingTime(new Date(appointment), plan.lateDays, 'WORKING_DAY').getTime() - 3_600_000
    : Math.min(progressAt, appointment - 600_000);
  completed = Math.max(completed, e.last + 600_000);
  e.completed = completed;
  e.late = completed > appointment;
  e.last = completed;
  if (plan.status === 8) {
    e.returned = hours(completed, plan.returnDelayHours);
    e.last = e.returned;
  }
}
