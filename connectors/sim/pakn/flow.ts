/**
 * How one simulated feedback item moves through its statuses (domain.md, "Feedback
 * figures"): received → handling → maybe a supplement → answered → maybe published, or
 * refused, or sent on to another body. Deadlines count working days from `ngayGui` on the
 * real calendar (src/domain/calendar.ts); most transitions meet them, some are late.
 */
import { defaultCalendar } from '../../../src/domain/calendar';
import type { FeedbackStatus, LocalDate } from '../../../src/domain/model';
import { addDays, atLocalTime, compareLocalDate, localDateOf } from '../../../src/domain/time';
import type { Rng } from '../kit/prng';
import { unlessMissingYear } from '../kit/time';

export interface FlowEvent {
  status: FeedbackStatus;
  at: number;
}

export interface Flow {
  sentAt: number;
  /** Transitions up to the item's last update, in order. */
  events: FlowEvent[];
}

/** A transition planned as working days after the day the item was sent. */
interface Step {
  status: FeedbackStatus;
  /** Working days after the sent day (the deadline-bearing transitions), or after the previous step. */
  days: number;
  fromSent: boolean;
}

/** The calendar has no data before this day: no simulated item is sent earlier. */
const CALENDAR_START: LocalDate = '2019-01-02';
const MINUTE = 60_000;

function plan(rng: Rng): Step[] {
  const steps: Step[] = [];
  const roll = rng.next();
  if (roll < 0.08) {
    // Refused within 2 working days, a few late.
    steps.push({ status: 'TU_CHOI', days: rng.chance(0.85) ? rng.int(0, 2) : rng.int(3, 5), fromSent: true });
    return steps;
  }
  steps.push({ status: 'DANG_XU_LY', days: rng.int(0, 1), fromSent: true });
  if (roll < 0.14) {
    steps.push({ status: 'CHUYEN_DON_VI_KHAC', days: rng.int(1, 4), fromSent: false });
    return steps;
  }
  if (rng.chance(0.2)) {
    // A supplement requested within 5 working days, a few late; the sender answers in a few days.
    steps.push({
      status: 'CHO_BO_SUNG',
      days: rng.chance(0.85) ? rng.int(1, 5) : rng.int(6, 8),
      fromSent: true,
    });
    steps.push({ status: 'DANG_XU_LY', days: rng.int(1, 5), fromSent: false });
  }
  // Answered within 15 working days, about one in eight late.
  steps.push({
    status: 'DA_TRA_LOI',
    days: rng.chance(0.88) ? rng.int(3, 15) : rng.int(16, 28),
    fromSent: true,
  });
  if (rng.chance(0.7)) {
    steps.push({
      status: 'DA_CONG_KHAI',
      days: rng.chance(0.85) ? rng.int(0, 2) : rng.int(3, 6),
      fromSent: false,
    });
  }
  return steps;
}

/**
 * The flow of an item last updated at `updatedAt`: sent some time before, every
 * transition after that update dropped (the item was still open then).
 */
export function flowFor(rng: Rng, updatedAt: number): Flow {
  const steps = plan(rng);
  const workingDays = steps.reduce((sum, s) => (s.fromSent ? Math.max(sum, s.days) : sum + s.days), 0);
  const span = Math.ceil((workingDays * 7) / 5) + 4;
  // Most items were last updated after their flow ended (likes, edits); some mid-flow.
  const back = rng.chance(0.85) ? span + rng.int(0, 15) : rng.int(0, span);
  let sentDay = addDays(localDateOf(new Date(updatedAt)), -back);
  if (compareLocalDate(sentDay, CALENDAR_START) < 0) sentDay = CALENDAR_START;
  // The portals take feedback around the clock; most arrives in office hours.
  const minute = rng.chance(0.8) ? rng.int(7 * 60, 17 * 60) : rng.int(0, 24 * 60 - 1);
  const sentAt = Math.min(atLocalTime(sentDay, 0).getTime() + minute * MINUTE, updatedAt - 30 * MINUTE);
  const received = sentAt + rng.int(1, 20) * MINUTE;
  const events: FlowEvent[] = [{ status: 'MOI_TIEP_NHAN', at: Math.min(received, updatedAt) }];
  try {
    const calendar = defaultCalendar();
    const startDay = localDateOf(new Date(sentAt));
    for (const step of steps) {
      const previous = events[events.length - 1] as FlowEvent;
      const base = step.fromSent ? startDay : localDateOf(new Date(previous.at));
      const day = calendar.addWorkingDays(base, step.days);
      const at = onWorkingHours(rng, day, previous.at);
      if (at > updatedAt) break;
      events.push({ status: step.status, at });
    }
  } catch (error) {
    // A day outside the calendar's years (a record added far in the future): it stays
    // received. Anything else is a bug.
    unlessMissingYear(error);
  }
  return { sentAt, events };
}

/** A time in office hours on `day`, after `after` (a few minutes later when the day is already past it). */
function onWorkingHours(rng: Rng, day: LocalDate, after: number): number {
  const minute = rng.chance(0.5) ? rng.int(7 * 60 + 30, 11 * 60 + 29) : rng.int(13 * 60, 16 * 60 + 59);
  const at = atLocalTime(day, 0).getTime() + minute * MINUTE + rng.int(0, 59) * 1000;
  return at > after ? at : after + rng.int(5, 90) * MINUTE;
}
