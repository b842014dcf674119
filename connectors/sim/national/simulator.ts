/**
 * The national procedure database (CSDLQG TTHC) simulated over HTTP, serving
 * upstream-apis.md §1 from the seeded world: sessions, the five services, paging with
 * `tungay`, 429 above 10 requests in flight, injected faults, planted bad records, and
 * mutators so tests can change the data between (or during) runs.
 */
import { randomBytes } from 'node:crypto';
import { type FaultInjector, type FaultKind, type PlantingOptions, plantedKinds } from '../kit/faults';
import { rngFor } from '../kit/prng';
import {
  type PortalListenOptions,
  type SimRequest,
  type SimResponse,
  type SimStats,
  startPortalServer,
} from '../kit/server';
import { fromCompact } from '../kit/time';
import { createWorld, type World, type WorldProcedureHeader } from '../world';
import { LiveCatalogue, type ProcedureChange } from '../world/live';
import {
  BAD_RECORD_KINDS,
  type BadRecordKind,
  corruptListItem,
  corruptRecord,
} from '../world/views/bad-records';
import {
  nationalAgency,
  nationalDecision,
  nationalListItem,
  nationalRecord,
  nationalSector,
} from '../world/views/national';

export interface NationalSimulatorOptions extends PortalListenOptions, PlantingOptions<BadRecordKind> {
  seed?: number;
  procedures?: number;
  /** Serve this world instead of creating one (shared with the other simulators). */
  world?: World;
  /** Serve this live catalogue (changes made through it show in every simulator using it). */
  catalogue?: LiveCatalogue;
  username?: string;
  password?: string;
  unitCode?: string;
  sessionTtlSeconds?: number;
}

export interface NationalSimulator {
  url: string;
  world: World;
  catalogue: LiveCatalogue;
  stats: SimStats & { byService: Record<string, number> };
  faults: FaultInjector;
  /** Codes carrying a planted bad record, with the kind. */
  badRecords: ReadonlyMap<string, BadRecordKind>;
  touch(code: string, change?: ProcedureChange | number | Date): WorldProcedureHeader;
  abolish(code: string, at?: number | Date): WorldProcedureHeader;
  remove(code: string): void;
  add(at?: number | Date): WorldProcedureHeader;
  /** Plants a bad record of `kind` (on `code`, or on a record chosen by the seed); returns its code. */
  injectBadRecord(kind: BadRecordKind, code?: string): string;
  /** Every open session becomes invalid: the next call gets -401. */
  expireSessions(): void;
  close(): Promise<void>;
}

const OK = 'Thành công';
const EXPIRED = { error_code: -401, message: 'Phiên làm việc hết hạn' };
const INTERNAL = { error_code: -500, message: 'Lỗi hệ thống, vui lòng thử lại sau' };
const NOT_FOUND = { error_code: -2, message: 'Không tìm thấy dữ liệu' };
const MAX_PAGE = 500;

export async function startNationalSimulator(
  options: NationalSimulatorOptions = {},
): Promise<NationalSimulator> {
  const now = options.now ?? Date.now;
  const world =
    options.catalogue?.world ??
    options.world ??
    createWorld({ seed: options.seed, procedures: options.procedures, unitCode: options.unitCode });
  const catalogue = options.catalogue ?? new LiveCatalogue(world, now);
  const seed = world.seed;
  const unitCode = options.unitCode ?? world.unitCode;
  const username = options.username ?? 'hub';
  const password = options.password ?? 'hub-secret';
  const ttlMs = (options.sessionTtlSeconds ?? 1800) * 1000;
  const sessions = new Map<string, number>();
  const bad = new Map<number, BadRecordKind>();
  const byService: Record<string, number> = {};
  let shifts = 0;

  const fail = (message: string, code = -3): SimResponse => ({ body: { error_code: code, message } });

  // §1 Session
  function session(req: SimRequest): SimResponse {
    if (req.fault === 'errorcode') return { body: INTERNAL };
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (body.username !== username || body.password !== password) {
      return { body: { error_code: -1, message: 'Sai tên đăng nhập hoặc mật khẩu' } };
    }
    const token = randomBytes(18).toString('base64url');
    sessions.set(token, now() + ttlMs);
    return { body: { error_code: 0, session: token, expires_in: ttlMs / 1000 } };
  }

  // §1 Services
  function service(req: SimRequest): SimResponse {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const name = typeof body.service === 'string' ? body.service : '';
    byService[name] = (byService[name] ?? 0) + 1;
    const refused = refusal(body, req.fault);
    if (refused) return refused;
    switch (name) {
      case 'LayDanhSachTTHC':
        return list(body, req.fault);
      case 'LayThuTuc':
        return procedure(body.maTTHC);
      case 'LayDanhMucCoQuan':
        return { body: { error_code: 0, message: OK, result: world.agencies.map(nationalAgency) } };
      case 'LayDanhMucLinhVuc':
        return { body: { error_code: 0, message: OK, result: world.sectors.map(nationalSector) } };
      case 'LayQDCB': {
        const decision = typeof body.idQDCB === 'string' ? world.decision(body.idQDCB) : undefined;
        return decision
          ? { body: { error_code: 0, message: OK, result: [nationalDecision(decision)] } }
          : { body: NOT_FOUND };
      }
      default:
        return fail(`Dịch vụ không tồn tại: ${name}`, -4);
    }
  }

  /** A dead session, an injected fault, or another unit's code: answered before the service. */
  function refusal(body: Record<string, unknown>, fault: FaultKind | null): SimResponse | null {
    const token = typeof body.session === 'string' ? body.session : '';
    const expiresAt = sessions.get(token);
    if (expiresAt === undefined || expiresAt <= now()) return { body: EXPIRED };
    if (fault === 'expire') {
      sessions.delete(token);
      return { body: EXPIRED };
    }
    if (fault === 'errorcode') return { body: INTERNAL };
    if (body.madonvi !== unitCode) return fail('Mã đơn vị không hợp lệ');
    return null;
  }

  /** `tungay` as an instant (-∞ when absent), or the refusal of an unreadable one. */
  function sinceOf(body: Record<string, unknown>): number | SimResponse {
    if (body.tungay === undefined || body.tungay === null || body.tungay === '')
      return Number.NEGATIVE_INFINITY;
    const parsed = typeof body.tungay === 'string' ? fromCompact(body.tungay) : null;
    return parsed ?? fail('tungay phải có dạng yyyyMMddHHmmss');
  }

  function list(body: Record<string, unknown>, fault: FaultKind | null): SimResponse {
    const page = Number(body.trang ?? 1);
    const size = Number(body.sobanghi ?? 50);
    if (!Number.isInteger(page) || page < 1) return fail('trang không hợp lệ');
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE)
      return fail(`sobanghi phải từ 1 đến ${MAX_PAGE}`);
    const from = sinceOf(body);
    if (typeof from !== 'number') return from;
    // Records added or changed while the client pages: the next pages see the new order.
    if (fault === 'shift') shiftData();
    const all = catalogue.sorted().filter((e) => e.updatedAt >= from);
    const offset = (page - 1) * size;
    const slice = all.slice(offset, offset + size);
    // The same record on two pages: the previous page's last record comes again first.
    const prev = all[offset - 1];
    if (fault === 'duplicate' && prev && slice.length > 0) slice.unshift(prev);
    const result = slice.map((e) => {
      const item = nationalListItem(seed, catalogue.header(e.index));
      const kind = bad.get(e.index);
      return kind ? corruptListItem(item, kind) : item;
    });
    return { body: { error_code: 0, message: OK, result, tongso: all.length } };
  }

  function procedure(code: unknown): SimResponse {
    const index = typeof code === 'string' ? catalogue.indexOf(code) : null;
    if (index === null) return { body: NOT_FOUND };
    const record = nationalRecord(seed, catalogue.procedure(index));
    const kind = bad.get(index);
    return { body: { error_code: 0, message: OK, result: [kind ? corruptRecord(record, kind) : record] } };
  }

  function shiftData(): void {
    const round = shifts++;
    const rng = rngFor(seed, 'national-shift', round);
    const entries = catalogue.sorted();
    if (rng.chance(0.5) || entries.length === 0) {
      catalogue.add();
      return;
    }
    const description = `Cập nhật lần ${round + 1}`;
    catalogue.touch(rng.pick(entries).code, {
      edit: (p) => {
        p.description = description;
      },
    });
  }

  function injectBadRecord(kind: BadRecordKind, code?: string): string {
    let index = code === undefined ? null : catalogue.indexOf(code);
    if (code !== undefined && index === null) throw new Error(`national_sim_unknown_procedure: ${code}`);
    const rng = rngFor(seed, 'national-bad', bad.size);
    const entries = catalogue.sorted();
    while (index === null || bad.has(index)) index = rng.pick(entries).index;
    bad.set(index, kind);
    return catalogue.header(index).code;
  }

  for (const kind of plantedKinds(options.badRecords, BAD_RECORD_KINDS)) injectBadRecord(kind);

  const server = await startPortalServer(options, 10, [
    { method: 'POST', path: '/api/session', faults: () => ['errorcode'], handle: session },
    {
      method: 'POST',
      path: '/api/service',
      faults: (req) => {
        const body = (req.body ?? {}) as Record<string, unknown>;
        const kinds: FaultKind[] = ['errorcode', 'expire'];
        if (body.service === 'LayDanhSachTTHC') {
          kinds.push('shift');
          if (Number(body.trang) > 1) kinds.push('duplicate');
        }
        return kinds;
      },
      handle: service,
    },
  ]);

  return {
    url: server.url,
    world,
    catalogue,
    stats: Object.assign(server.stats, { byService }),
    faults: server.faults,
    get badRecords() {
      return new Map([...bad].map(([i, k]) => [catalogue.header(i).code, k]));
    },
    touch: (code, change) => catalogue.touch(code, change),
    abolish: (code, at) => catalogue.abolish(code, at),
    remove: (code) => catalogue.remove(code),
    add: (at) => catalogue.add(at),
    injectBadRecord,
    expireSessions: () => sessions.clear(),
    close: () => server.close(),
  };
}
