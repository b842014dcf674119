/**
 * The catalogue as it stands at runtime: the seeded world plus changes made while the
 * simulators run (a record touched, abolished, removed, or a new one added). Simulators
 * serve from it, so a change made here is what every portal's view then shows; tests
 * use it to exercise incremental sync, abolition and deletion detection.
 */
import type { World, WorldProcedure, WorldProcedureHeader } from './index';

export interface ProcedureChange {
  /** New update instant (epoch ms); default: now, and always after every other record. */
  at?: number | Date;
  name?: string;
  /** Any other change to the record (processing time, fees…), applied after generation. */
  edit?: (procedure: WorldProcedure) => void;
}

interface Override {
  updatedAt?: number;
  name?: string;
  inForce?: boolean;
  abolishedAt?: number | null;
  edits: Array<(procedure: WorldProcedure) => void>;
}

export interface CatalogueEntry {
  index: number;
  code: string;
  updatedAt: number;
}

export class LiveCatalogue {
  private readonly overrides = new Map<number, Override>();
  private readonly removed = new Set<number>();
  private count: number;
  private sortedCache: CatalogueEntry[] | null = null;
  /** Latest update instant of any record; null until first needed. */
  private latest: number | null = null;
  /** Increases on every change. */
  version = 0;

  constructor(
    readonly world: World,
    private readonly now: () => number = Date.now,
  ) {
    this.count = world.procedureCount;
  }

  /** Index of a code that is currently in the catalogue, else null. */
  indexOf(code: string): number | null {
    const index = this.world.procedureIndexOf(code);
    if (index === null || index >= this.count || this.removed.has(index)) return null;
    return index;
  }

  header(index: number): WorldProcedureHeader {
    return this.apply(this.world.procedureHeaderAt(index), index);
  }

  procedure(index: number): WorldProcedure {
    const procedure = this.apply(this.world.procedureAt(index), index);
    for (const edit of this.overrides.get(index)?.edits ?? []) edit(procedure);
    return procedure;
  }

  /** Present records ordered by update instant, then code (upstream-apis.md §1 LayDanhSachTTHC). */
  sorted(): readonly CatalogueEntry[] {
    if (!this.sortedCache) {
      const entries: CatalogueEntry[] = [];
      for (let i = 0; i < this.count; i++) {
        if (this.removed.has(i)) continue;
        const h = this.header(i);
        entries.push({ index: i, code: h.code, updatedAt: h.updatedAt });
      }
      entries.sort((a, b) => a.updatedAt - b.updatedAt || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      this.latest = entries.reduce((max, e) => Math.max(max, e.updatedAt), 0);
      this.sortedCache = entries;
    }
    return this.sortedCache;
  }

  /** Bumps the update instant (and optionally changes fields) of a present record. */
  touch(code: string, change: ProcedureChange | number | Date = {}): WorldProcedureHeader {
    const index = this.require(code);
    const c: ProcedureChange = typeof change === 'number' || change instanceof Date ? { at: change } : change;
    const o = this.override(index);
    o.updatedAt = this.instant(c.at);
    if (c.name !== undefined) o.name = c.name;
    if (c.edit) o.edits.push(c.edit);
    return this.changed(index);
  }

  /** Abolishes a record: it stays listed with TRANGTHAI 0 and NGAYBAIBO. */
  abolish(code: string, at?: number | Date): WorldProcedureHeader {
    const index = this.require(code);
    const o = this.override(index);
    o.updatedAt = this.instant(at);
    o.inForce = false;
    o.abolishedAt = o.updatedAt;
    return this.changed(index);
  }

  /** Deletes a record outright: no longer listed, `LayThuTuc` answers not found. */
  remove(code: string): void {
    this.removed.add(this.require(code));
    this.sortedCache = null;
    this.version++;
  }

  /** Adds the next procedure of the world's sequence as a new record, updated now. */
  add(at?: number | Date): WorldProcedureHeader {
    if (this.count >= this.world.procedureCapacity) throw new RangeError('world_catalogue_full');
    const index = this.count++;
    this.override(index).updatedAt = this.instant(at);
    return this.changed(index);
  }

  private require(code: string): number {
    const index = this.indexOf(code);
    if (index === null) throw new Error(`world_unknown_procedure: ${code}`);
    return index;
  }

  private override(index: number): Override {
    let o = this.overrides.get(index);
    if (!o) {
      o = { edits: [] };
      this.overrides.set(index, o);
    }
    return o;
  }

  /** Explicit instants are kept; "now" is pushed past every record so it sorts last. */
  private instant(at: number | Date | undefined): number {
    if (at !== undefined) return typeof at === 'number' ? at : at.getTime();
    if (this.latest === null) this.sorted();
    const now = Math.max(this.now(), (this.latest ?? 0) + 1000);
    return Math.floor(now / 1000) * 1000;
  }

  private changed(index: number): WorldProcedureHeader {
    this.sortedCache = null;
    this.version++;
    const header = this.header(index);
    if (this.latest !== null) this.latest = Math.max(this.latest, header.updatedAt);
    return header;
  }

  private apply<T extends WorldProcedureHeader>(item: T, index: number): T {
    const o = this.overrides.get(index);
    if (!o) return item;
    return {
      ...item,
      ...(o.updatedAt !== undefined && { updatedAt: o.updatedAt }),
      ...(o.name !== undefined && { name: o.name }),
      ...(o.inForce !== undefined && { inForce: o.inForce }),
      ...(o.abolishedAt !== undefined && { abolishedAt: o.abolishedAt }),
    };
  }
}
