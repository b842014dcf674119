/**
 * The listings as iGate serves them: ordered by `updatedDate`, then `id` (§2 "Paging"),
 * filtered by an updated window, with planted bad records and bumps (a listing changed
 * while a client pages).
 */
import type { World, WorldProcedure } from '../world';
import { type BadRecordKind, corruptListing } from './bad-records';
import type { ListingPlan } from './listing-plan';
import { igateListing, type RawRecord } from './listing-view';
import type { ListingSlot } from './types';

export interface WindowPage {
  content: RawRecord[];
  total: number;
}

export class ListingStore {
  private order: number[] = [];
  readonly bad = new Map<string, BadRecordKind>();

  constructor(
    private readonly world: World,
    readonly plan: ListingPlan,
    private readonly procedure: (index: number) => WorldProcedure,
  ) {
    this.sort();
  }

  get slots(): readonly ListingSlot[] {
    return this.plan.slots;
  }

  slotIndexOf(code: string): number | null {
    const i = this.plan.slots.findIndex((s) => s.code === code);
    return i < 0 ? null : i;
  }

  raw(slotIndex: number): RawRecord {
    const slot = this.plan.slots[slotIndex] as ListingSlot;
    const raw = igateListing(this.world, slot, this.procedure(slot.procIndex));
    const kind = this.bad.get(slot.code);
    return kind ? corruptListing(raw, kind) : raw;
  }

  /** Rows updated within [from, to], page `page` of `size`; `duplicate` repeats the row before the page. */
  page(from: number, to: number, page: number, size: number, duplicate: boolean): WindowPage {
    const [lo, hi] = this.range(from, to);
    const start = lo + page * size;
    const picked = this.order.slice(Math.min(start, hi), Math.min(start + size, hi));
    const before = this.order[start - 1];
    if (duplicate && before !== undefined && picked.length > 0) picked.unshift(before);
    return { content: picked.map((i) => this.raw(i)), total: hi - lo };
  }

  /** Moves a listing's `updatedDate` to `at` (a change made while a client pages). */
  bump(slotIndex: number, at: number): ListingSlot {
    const slot = this.plan.slots[slotIndex] as ListingSlot;
    slot.updatedAt = at;
    this.sort();
    return slot;
  }

  /** A slot in the window (before `beforeOffset` when given), chosen by `u` in [0, 1). */
  pickInWindow(from: number, to: number, u: number, beforeOffset?: number): number | null {
    const [lo, hi] = this.range(from, to);
    const end = beforeOffset !== undefined && beforeOffset > 0 ? Math.min(hi, lo + beforeOffset) : hi;
    if (end <= lo) return null;
    return this.order[lo + Math.floor(u * (end - lo))] ?? null;
  }

  private range(from: number, to: number): [number, number] {
    return [this.lowerBound(from), this.lowerBound(to + 1)];
  }

  private lowerBound(t: number): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.plan.slots[this.order[mid] as number] as ListingSlot).updatedAt >= t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private sort(): void {
    const slots = this.plan.slots;
    this.order = slots.map((_, i) => i);
    this.order.sort((a, b) => {
      const x = slots[a] as ListingSlot;
      const y = slots[b] as ListingSlot;
      return x.updatedAt - y.updatedAt || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
    });
  }
}
