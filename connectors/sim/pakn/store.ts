/**
 * The feedback as it stands while the simulator runs: the seeded items plus the changes
 * made since (an item updated again, a new one, one removed, one corrupted). Only the
 * changes are stored. A day window is answered without generating the items outside it.
 */
import { rngFor } from '../kit/prng';
import { corruptFeedback, type PaknBadRecordKind } from './bad-records';
import type { FeedbackFactory, RawFeedbackItem } from './feedback';

interface Moved {
  index: number;
  createdAt: number;
  updatedAt: number;
  revision: number;
  /** Order of the change: ties in `ngayCapNhat` sort by it. */
  seq: number;
}

/** One window's rows in portal order: seeded items first (by time, then id), changed ones after. */
export interface WindowView {
  total: number;
  /** Item index at position k (0-based). */
  indexAt(k: number): number;
}

export class FeedbackStore {
  /** Items updated (or added) since seeding, by index. */
  private readonly moved = new Map<number, Moved>();
  private readonly removed = new Set<number>();
  /** Seeded indexes no longer at their seeded place (moved or removed), ascending. */
  private displaced: number[] = [];
  private readonly bad = new Map<number, PaknBadRecordKind>();
  private added = 0;
  private seq = 0;

  constructor(
    readonly factory: FeedbackFactory,
    private readonly now: () => number = Date.now,
  ) {}

  /** The rows whose `ngayCapNhat` lies in [start, end] (epoch ms, inclusive). */
  window(start: number, end: number): WindowView {
    const lo = this.factory.lowerBound(start);
    const hi = this.factory.lowerBound(end + 1);
    const displacedInside = this.displaced.filter((i) => i >= lo && i < hi);
    const seeded = hi - lo - displacedInside.length;
    const changed = [...this.moved.values()]
      .filter((m) => !this.removed.has(m.index) && m.updatedAt >= start && m.updatedAt <= end)
      .sort((a, b) => a.updatedAt - b.updatedAt || a.seq - b.seq);
    return {
      total: seeded + changed.length,
      indexAt: (k) => {
        if (k >= seeded) return (changed[k - seeded] as Moved).index;
        let index = lo + k;
        for (const d of displacedInside) {
          if (d <= index) index++;
          else break;
        }
        return index;
      },
    };
  }

  /** Item `index` as served now (corrupted when a bad record was planted on it). */
  item(index: number): RawFeedbackItem {
    const m = this.moved.get(index);
    const seededAt = index < this.factory.count ? this.factory.baseTime(index) : 0;
    const raw = this.factory.item(
      index,
      m?.createdAt ?? seededAt,
      m?.updatedAt ?? seededAt,
      m?.revision ?? 0,
    );
    const kind = this.bad.get(index);
    return kind ? corruptFeedback(raw, kind) : raw;
  }

  /** A present item chosen by the seed (round `round` of `stream`): targets of faults and tests. */
  pick(stream: string, round: number): number {
    const rng = rngFor(this.factory.world.seed, stream, round);
    for (;;) {
      const index = rng.int(0, this.factory.count + this.added - 1);
      if (!this.removed.has(index)) return index;
    }
  }

  /** The item is updated now: it leaves its day and joins today's rows (a like more, once published). */
  touch(index: number): void {
    this.requirePresent(index);
    const m = this.moved.get(index);
    const createdAt = m?.createdAt ?? this.factory.baseTime(index);
    this.moved.set(index, {
      index,
      createdAt,
      updatedAt: this.instant(),
      revision: (m?.revision ?? 0) + 1,
      seq: this.seq++,
    });
    this.displace(index);
  }

  /** A new item, sent and updated now. Returns its index. */
  add(): number {
    const index = this.factory.count + this.added++;
    const at = this.instant();
    this.moved.set(index, { index, createdAt: at, updatedAt: at, revision: 0, seq: this.seq++ });
    return index;
  }

  /** The item disappears from every answer (deletion detection). */
  remove(index: number): void {
    this.requirePresent(index);
    this.removed.add(index);
    this.displace(index);
  }

  /** Plants a bad record of `kind` on the item. */
  corrupt(index: number, kind: PaknBadRecordKind): void {
    this.requirePresent(index);
    this.bad.set(index, kind);
  }

  get badRecords(): ReadonlyMap<number, PaknBadRecordKind> {
    return this.bad;
  }

  /** Every present index, seeded ones first: the simulator's own truth for tests. */
  *indexes(): Generator<number> {
    for (let i = 0; i < this.factory.count + this.added; i++) if (!this.removed.has(i)) yield i;
  }

  private requirePresent(index: number): void {
    if (
      !Number.isInteger(index) ||
      index < 0 ||
      index >= this.factory.count + this.added ||
      this.removed.has(index)
    ) {
      throw new Error(`pakn_sim_unknown_item: ${index}`);
    }
  }

  private displace(index: number): void {
    if (index >= this.factory.count || this.displaced.includes(index)) return;
    this.displaced.push(index);
    this.displaced.sort((a, b) => a - b);
  }

  /** Now, in whole seconds, and never before the seeded items: a change always sorts after them. */
  private instant(): number {
    return Math.floor(Math.max(this.now(), this.factory.to + 1000) / 1000) * 1000;
  }
}
