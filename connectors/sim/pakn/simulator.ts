/**
 * The complaint and feedback portal (PAKN) simulated over HTTP, serving upstream-apis.md
 * §3 from the seeded world: the API key, day windows on `ngayCapNhat`, page numbers,
 * injected faults, planted bad records and unknown references, and mutators so tests can
 * change the data between (or during) runs.
 */
import { type FaultInjector, type FaultKind, type PlantingOptions, plantedKinds } from '../kit/faults';
import {
  type PortalListenOptions,
  type SimRequest,
  type SimResponse,
  type SimStats,
  startPortalServer,
} from '../kit/server';
import { DAY_MS, fromDayMonthYear } from '../kit/time';
import { createWorld, type World } from '../world';
import { PAKN_BAD_RECORD_KINDS, type PaknBadRecordKind } from './bad-records';
import {
  type DossierReferences,
  FeedbackFactory,
  type RawFeedbackItem,
  type UnknownReference,
} from './feedback';
import { FeedbackStore } from './store';

export interface PaknSimulatorOptions extends PortalListenOptions, PlantingOptions<PaknBadRecordKind> {
  /** Serve feedback about this world (shared with the other simulators). */
  world?: World;
  seed?: number;
  procedures?: number;
  /** Seeded feedback items (default 2 000). */
  feedbacks?: number;
  /** First and last `ngayCapNhat` of the seeded items (epoch ms). */
  from?: number;
  to?: number;
  /** Planted references no portal knows (default: one per 50 items, 3 to 30). */
  unknownReferences?: number;
  /** Dossiers the iGate simulator serves: some feedback names one (maHoSo). */
  dossiers?: DossierReferences;
  apiKey?: string;
}

export interface PaknSimulator {
  url: string;
  world: World;
  store: FeedbackStore;
  stats: SimStats;
  faults: FaultInjector;
  /** maPAKN (or the item's index when the key itself is broken) → planted bad kind. */
  badRecords(): Map<string, PaknBadRecordKind>;
  /** What later checks must find: the planted references no portal knows. */
  manifest(): { unknownReferences: UnknownReference[] };
  /** Every item as the portal would serve it now (tests compare against this). */
  items(): Generator<RawFeedbackItem>;
  /** Updates an item now (it moves to today's rows); returns its maPAKN. */
  touch(index: number): string;
  add(): string;
  remove(index: number): void;
  /** Plants a bad record of `kind` on item `index` (or one chosen by the seed); returns the index. */
  injectBadRecord(kind: PaknBadRecordKind, index?: number): number;
  close(): Promise<void>;
}

const OK = { maLoi: '00', moTa: 'Thành công' };
const INTERNAL = { maLoi: '99', moTa: 'Lỗi hệ thống, vui lòng thử lại sau' };
/** §3: `soBanGhi` at most 200. */
const MAX_PAGE = 200;

export async function startPaknSimulator(options: PaknSimulatorOptions = {}): Promise<PaknSimulator> {
  const now = options.now ?? Date.now;
  const world = options.world ?? createWorld({ seed: options.seed, procedures: options.procedures });
  const factory = new FeedbackFactory({
    world,
    count: options.feedbacks ?? 2000,
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
    ...(options.unknownReferences !== undefined ? { unknownReferences: options.unknownReferences } : {}),
    ...(options.dossiers ? { dossiers: options.dossiers } : {}),
  });
  const store = new FeedbackStore(factory, now);
  const apiKey = options.apiKey ?? 'hub-secret';
  let shifts = 0;
  let plants = 0;

  const invalid = (moTa: string): SimResponse => ({ body: { maLoi: '01', moTa } });

  // §3 GET /api/v1/pakn?tuNgay&denNgay&trang&soBanGhi
  function list(req: SimRequest): SimResponse {
    if (req.headers['x-api-key'] !== apiKey) {
      return { status: 403, body: { maLoi: '403', moTa: 'API key không hợp lệ' } };
    }
    if (req.fault === 'errorcode') return { body: INTERNAL };
    const q = listQuery(req);
    if ('body' in q) return q;
    const { from, to, page, size } = q;
    const offset = (page - 1) * size;
    // Records changed or added while the client pages: later pages see the new order.
    if (req.fault === 'shift') shift(from, to + DAY_MS - 1, offset);
    const window = store.window(from, to + DAY_MS - 1);
    const positions = pagePositions(offset, size, window.total, req.fault === 'duplicate');
    const duLieu = positions.map((k) => store.item(window.indexAt(k)));
    return { body: { ...OK, tongSoBanGhi: window.total, trang: page, duLieu } };
  }

  /** The list's days and page, or the portal's refusal of them. */
  function listQuery(
    req: SimRequest,
  ): { from: number; to: number; page: number; size: number } | SimResponse {
    const from = fromDayMonthYear(req.query.get('tuNgay') ?? '');
    const to = fromDayMonthYear(req.query.get('denNgay') ?? '');
    if (from === null || to === null) return invalid('tuNgay, denNgay phải có dạng dd/MM/yyyy');
    if (to < from) return invalid('denNgay phải sau tuNgay');
    const page = Number(req.query.get('trang') ?? 1);
    const size = Number(req.query.get('soBanGhi') ?? 20);
    if (!Number.isInteger(page) || page < 1) return invalid('trang không hợp lệ');
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE)
      return invalid(`soBanGhi phải từ 1 đến ${MAX_PAGE}`);
    return { from, to, page, size };
  }

  /** A page's positions in the window; `duplicate`: the previous page's last record comes again first. */
  function pagePositions(offset: number, size: number, total: number, duplicate: boolean): number[] {
    const positions: number[] = [];
    for (let k = offset; k < Math.min(offset + size, total); k++) positions.push(k);
    if (duplicate && offset > 0 && offset - 1 < total && positions.length > 0) positions.unshift(offset - 1);
    return positions;
  }

  /** Half the time a new item; else an item already served in this window is updated (moves to today). */
  function shift(start: number, end: number, offset: number): void {
    const round = shifts++;
    const window = store.window(start, end);
    if (round % 2 === 0 || offset === 0 || window.total === 0) {
      store.add();
      return;
    }
    const k = Math.min(offset, window.total) - 1;
    store.touch(window.indexAt(Math.floor((round * 7919) % (k + 1))));
  }

  function injectBadRecord(kind: PaknBadRecordKind, index?: number): number {
    let target = index ?? store.pick('pakn-bad', plants++);
    while (index === undefined && (store.badRecords.has(target) || factory.hasUnknownReference(target))) {
      target = store.pick('pakn-bad', plants++);
    }
    store.corrupt(target, kind);
    return target;
  }

  for (const kind of plantedKinds(options.badRecords, PAKN_BAD_RECORD_KINDS)) injectBadRecord(kind);

  const server = await startPortalServer(options, 10, [
    {
      method: 'GET',
      path: '/api/v1/pakn',
      faults: (req) => {
        const kinds: FaultKind[] = ['errorcode', 'shift'];
        if (Number(req.query.get('trang')) > 1) kinds.push('duplicate');
        return kinds;
      },
      handle: list,
    },
  ]);

  const codeOf = (index: number): string => String(store.item(index).maPAKN ?? `#${index}`);
  return {
    url: server.url,
    world,
    store,
    stats: server.stats,
    faults: server.faults,
    badRecords: () => new Map([...store.badRecords].map(([i, k]) => [codeOf(i), k])),
    manifest: () => ({ unknownReferences: factory.unknownReferences() }),
    *items() {
      for (const index of store.indexes()) yield store.item(index);
    },
    touch: (index) => {
      store.touch(index);
      return codeOf(index);
    },
    add: () => codeOf(store.add()),
    remove: (index) => store.remove(index),
    injectBadRecord,
    close: () => server.close(),
  };
}

/** The dossiers an iGate simulator serves (§2 shapes), as references feedback may name. */
export function dossierReferencesOf(igate: {
  dossierCount(): number;
  rawDossier(index: number): Record<string, unknown>;
}): DossierReferences {
  const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  return {
    count: () => igate.dossierCount(),
    at: (index) => {
      const raw = igate.rawDossier(index);
      const code = text(raw.code);
      if (code === null) return null;
      const procedure = (raw.procedure ?? {}) as Record<string, unknown>;
      const listingCode = text(procedure.code);
      const nationalCode =
        text(procedure.nationCode) ?? listingCode?.split('.').slice(0, 2).join('.') ?? null;
      const applied = text(raw.appliedDate);
      const appliedAt = applied ? Date.parse(applied.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : Number.NaN;
      return {
        code,
        nationalCode,
        agencyCode: text((raw.agency as Record<string, unknown> | null)?.code),
        appliedAt: Number.isNaN(appliedAt) ? null : appliedAt,
      };
    },
  };
}
