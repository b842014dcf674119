/**
 * The dossiers iGate serves: the timeline's dossiers (nothing stored per dossier) plus the
 * few changed or added while the simulator runs. A change moves a dossier to "now", past
 * every dossier of the timeline, so a window is an index range of the timeline, minus the
 * changed ones, followed by the changed ones in it.
 *
 * A change is stamped with the instant it is made, as iGate does: many changes made in one
 * millisecond share it and are ordered by id (§2 "Paging"). (Stamping each one a
 * millisecond after the last would date a burst of changes in the future, so a client
 * that rightly reads only up to the present would read them late.)
 */
import type { WorkingCalendar } from '../../../src/domain/calendar';
import { rngFor } from '../kit/prng';
import { type BadRecordKind, corruptDossier } from './bad-records';
import type { DossierTimeline } from './dossier-timeline';
import { type DossierGenContext, dossierRaw } from './dossier-view';
import type { WindowPage } from './listing-store';
import type { RawRecord } from './listing-view';

interface Moved {
  index: number;
  at: number;
  id: string;
}

export class DossierSource {
  /** Base indexes that were changed, ascending. */
  private bumped: number[] = [];
  private readonly bumpedAt = new Map<number, number>();
  /** Every changed or added dossier, by (at, id). */
  private moved: Moved[] = [];
  /** Update instant of each changed or added dossier, by index. */
  private readonly movedAtIndex = new Map<number, number>();
  private added = 0;
  /** Filing-time anchor of added dossiers (their life), by index. */
  private readonly addedAt = new Map<number, number>();
  readonly bad = new Map<number, BadRecordKind>();

  constructor(
    readonly timeline: DossierTimeline,
    private readonly gen: DossierGenContext,
    readonly calendar: WorkingCalendar,
  ) {}

  /** Dossiers served now: the timeline's and those added since. */
  get count(): number {
    return this.timeline.count + this.added;
  }

  raw(index: number): RawRecord {
    const base = index < this.timeline.count;
    const contentAt = base ? this.timeline.at(index) : this.addedAt.get(index);
    if (contentAt === undefined) throw new RangeError(`igate_sim_no_dossier: ${index}`);
    const updatedAt = this.movedAtIndex.get(index) ?? contentAt;
    const raw = dossierRaw(this.gen, index, contentAt, updatedAt, !base);
    const kind = this.bad.get(index);
    return kind ? corruptDossier(raw, kind) : raw;
  }

  /** Rows updated within [from, to], page `page` of `size`; `duplicate` repeats the row before the page. */
  page(from: number, to: number, page: number, size: number, duplicate: boolean): WindowPage {
    const { lo, baseTotal, moved } = this.window(from, to);
    const offset = page * size;
    const indexes: number[] = [];
    if (offset < baseTotal) {
      for (
        let i = this.nthUnmoved(lo, offset);
        indexes.length < size && indexes.length + offset < baseTotal;
        i++
      ) {
        if (!this.bumpedAt.has(i)) indexes.push(i);
      }
    }
    for (let k = Math.max(0, offset - baseTotal); indexes.length < size && k < moved.length; k++) {
      indexes.push((moved[k] as Moved).index);
    }
    if (duplicate && indexes.length > 0) {
      const before = this.before(lo, offset, baseTotal, moved);
      if (before !== null) indexes.unshift(before);
    }
    return { content: indexes.map((i) => this.raw(i)), total: baseTotal + moved.length };
  }

  /** A dossier of the window, by `u` in [0, 1): among the first `beforeOffset` rows when given. */
  pickInWindow(from: number, to: number, u: number, beforeOffset?: number): number | null {
    const { lo, baseTotal, moved } = this.window(from, to);
    const total = baseTotal + moved.length;
    const end = beforeOffset !== undefined && beforeOffset > 0 ? Math.min(total, beforeOffset) : total;
    if (end === 0) return null;
    const k = Math.floor(u * end);
    return k < baseTotal ? this.nthUnmoved(lo, k) : (moved[k - baseTotal] as Moved).index;
  }

  /**
   * The dossier changed at `at` (no earlier than just after the timeline): it leaves its
   * place in the timeline, or among the changed ones, for its place at (at, id).
   */
  bump(index: number, at: number): void {
    if (index >= this.count) throw new RangeError(`igate_sim_no_dossier: ${index}`);
    const stamp = this.changeAt(at);
    const previous = this.movedAtIndex.get(index);
    if (previous !== undefined) this.moved.splice(this.movedPosition(previous, this.idOf(index)), 1);
    if (index < this.timeline.count) {
      if (!this.bumpedAt.has(index)) this.bumped.splice(upperBound(this.bumped, index), 0, index);
      this.bumpedAt.set(index, stamp);
    }
    this.place(index, stamp);
  }

  /** A new dossier filed at `at` (no earlier than just after the timeline); returns its index. */
  add(at: number): number {
    const index = this.timeline.count + this.added++;
    const stamp = this.changeAt(at);
    this.addedAt.set(index, stamp);
    this.place(index, stamp);
    return index;
  }

  /** Changes come after every timeline row: a window is the timeline's part, then the changed part. */
  private changeAt(at: number): number {
    return Math.max(at, this.timeline.end + 1000);
  }

  private place(index: number, at: number): void {
    const id = this.idOf(index);
    this.moved.splice(this.movedPosition(at, id), 0, { index, at, id });
    this.movedAtIndex.set(index, at);
  }

  /** Where (at, id) is, or would go, in `moved`. */
  private movedPosition(at: number, id: string): number {
    let lo = 0;
    let hi = this.moved.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = this.moved[mid] as Moved;
      if (m.at < at || (m.at === at && m.id < id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private window(from: number, to: number): { lo: number; baseTotal: number; moved: Moved[] } {
    const [lo, hi] = this.timeline.range(from, to);
    const bumpedIn = upperBound(this.bumped, hi - 1) - upperBound(this.bumped, lo - 1);
    // '' sorts before every id: the positions of (from, first id) and (to + 1, first id).
    const moved =
      to < from ? [] : this.moved.slice(this.movedPosition(from, ''), this.movedPosition(to + 1, ''));
    return { lo, baseTotal: hi - lo - bumpedIn, moved };
  }

  /** The k-th (0-based) unchanged timeline index from `lo`. */
  private nthUnmoved(lo: number, k: number): number {
    let i = lo + k;
    for (;;) {
      const want = lo + k + (upperBound(this.bumped, i) - upperBound(this.bumped, lo - 1));
      if (want === i) return i;
      i = want;
    }
  }

  private before(lo: number, offset: number, baseTotal: number, moved: Moved[]): number | null {
    if (offset > 0 && offset <= baseTotal) return this.nthUnmoved(lo, offset - 1);
    if (offset > baseTotal) return (moved[offset - baseTotal - 1] as Moved | undefined)?.index ?? null;
    for (let i = lo - 1; i >= 0; i--) if (!this.bumpedAt.has(i)) return i;
    return null;
  }

  private idOf(index: number): string {
    return rngFor(this.gen.seed, 'dossier-id', index).hex(24);
  }
}

/** How many of the sorted `values` are ≤ x. */
function upperBound(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
