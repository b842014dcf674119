/**
 * When each simulated dossier was last updated. Dossier i's `updatedDate` is a pure,
 * strictly increasing function of i, spread over the office hours of the timeline, so a
 * window of update dates maps to a range of indexes by binary search: page N of any
 * window is served without generating, or remembering, the dossiers before it.
 */
import { WORKDAY_HOURS, type WorkingCalendar } from '../../../src/domain/calendar';
import { rngFor } from '../kit/prng';

export class DossierTimeline {
  private readonly hours: number;

  constructor(
    readonly seed: number,
    readonly count: number,
    /** First and last possible update instant (epoch ms), both in working time. */
    readonly start: number,
    readonly end: number,
    private readonly calendar: WorkingCalendar,
  ) {
    this.hours = calendar.elapsedWorkingDays(new Date(start), new Date(end)) * WORKDAY_HOURS;
  }

  /** Update instant of dossier i (0 ≤ i < count): the i-th slot of working time, jittered within it. */
  at(i: number): number {
    const jitter = rngFor(this.seed, 'dossier-updated', i).next() - 0.5;
    const hours = ((i + 0.5 + 0.8 * jitter) * this.hours) / this.count;
    return this.calendar.addWorkingTime(new Date(this.start), hours, 'HOUR').getTime();
  }

  /** The smallest i whose update instant is at or after `t` (count when none). */
  firstAtOrAfter(t: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.at(mid) >= t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Indexes [lo, hi) updated within [from, to] (both inclusive). */
  range(from: number, to: number): [number, number] {
    if (to < from) return [0, 0];
    return [this.firstAtOrAfter(from), this.firstAtOrAfter(to + 1)];
  }
}
