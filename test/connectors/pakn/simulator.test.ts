import { afterEach, describe, expect, it } from 'vitest';
import { toFeedback } from '../../../connectors/pakn/map';
import { localInstant } from '../../../connectors/sim/kit/time';
import type { UnknownReference } from '../../../connectors/sim/pakn/feedback';
import { type PaknSimulator, startPaknSimulator } from '../../../connectors/sim/pakn/simulator';
import type { World } from '../../../connectors/sim/world';
import { defaultCalendar } from '../../../src/domain/calendar';
import { localDateOf } from '../../../src/domain/time';
import { NOW, smallWorld } from './support';

/** `dd/MM/yyyy HH:mm:ss` in UTC+07:00, read here rather than with the connector's parser. */
function instantOf(text: string): number {
  const [d, mo, y, h, mi, sec] = text.split(/[/ :]/).map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, sec!) - 7 * 3_600_000;
}

/** The §3 simulator itself: its data is plausible, reproducible and cheap at any size. */

let sim: PaknSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const start = (options: Parameters<typeof startPaknSimulator>[0] = {}) =>
  startPaknSimulator({ world: smallWorld(), faults: {}, now: () => NOW, ...options });

async function get(s: PaknSimulator, query: string, key = 'hub-secret') {
  const res = await fetch(`${s.url}/api/v1/pakn?${query}`, { headers: { 'x-api-key': key } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The item carries the planted value in the planted field, and the world knows nothing by it. */
function expectUnknownTo(world: World, raw: Record<string, unknown>, u: UnknownReference): void {
  if (u.field === 'maTTHC') {
    expect(raw.maTTHC).toBe(u.value);
    expect(world.procedureIndexOf(u.value)).toBeNull();
  } else if (u.field === 'coQuanXuLy') {
    expect((raw.coQuanXuLy as { maDonVi: string }).maDonVi).toBe(u.value);
    expect(world.agency(u.value)).toBeUndefined();
  } else {
    expect(raw.maHoSo).toBe(u.value);
    expect(world.agency(u.value.split('-')[0] as string)).toBeUndefined();
  }
}

describe('PAKN simulator', () => {
  it('produces plausible status flows, deadlines, likes and mixes', async () => {
    sim = await start({ feedbacks: 1500 });
    const rows = [...sim.items()].map((raw) => {
      const r = toFeedback(raw);
      if (!r.ok) throw new Error(`${r.field}: ${r.reason}`);
      return r.record;
    });
    const count = (keep: (f: (typeof rows)[number]) => boolean) => rows.filter(keep).length;
    for (const status of [
      'MOI_TIEP_NHAN',
      'DANG_XU_LY',
      'CHO_BO_SUNG',
      'DA_TRA_LOI',
      'DA_CONG_KHAI',
      'TU_CHOI',
      'CHUYEN_DON_VI_KHAC',
    ]) {
      expect(
        count((f) => f.status === status),
        status,
      ).toBeGreaterThan(0);
    }
    for (const c of ['QUY_DINH_TTHC', 'HANH_VI_CB', 'KHAC'])
      expect(count((f) => f.classification === c)).toBeGreaterThan(50);
    for (const c of ['CONG_DVCQG', 'CONG_TINH', 'TRUC_TIEP', 'DUONG_DAY_NONG'])
      expect(count((f) => f.channel === c)).toBeGreaterThan(50);
    const calendar = defaultCalendar();
    const days = (from: Date, to: Date) => calendar.workingDaysBetween(localDateOf(from), localDateOf(to));
    for (const f of rows) {
      // Received first, the current status last, in time order, all before the last update.
      expect(f.history[0]?.status).toBe('MOI_TIEP_NHAN');
      expect(f.history.at(-1)?.status).toBe(f.status);
      expect(f.history.every((h, i) => i === 0 || h.at > (f.history[i - 1]?.at ?? h.at))).toBe(true);
      expect(
        f.sentAt <= (f.history[0]?.at ?? f.sentAt) && (f.history.at(-1)?.at ?? f.sentAt) <= f.updatedAt,
      ).toBe(true);
      expect(f.published).toBe(f.status === 'DA_CONG_KHAI');
      if (!f.published) expect(f.likes + f.dislikes).toBe(0);
      expect(f.answeredAt !== null).toBe(f.history.some((h) => h.status === 'DA_TRA_LOI'));
    }
    const answered = rows.filter((f) => f.answeredAt);
    const late = answered.filter((f) => days(f.sentAt, f.answeredAt as Date) > 15).length;
    expect(late / answered.length).toBeGreaterThan(0.04);
    expect(late / answered.length).toBeLessThan(0.25);
    const refused = rows.filter((f) => f.status === 'TU_CHOI');
    const refusedLate = refused.filter((f) => days(f.sentAt, f.history.at(-1)?.at as Date) > 2).length;
    expect(refusedLate / refused.length).toBeLessThan(0.3);
    expect(count((f) => f.likes > 0)).toBeGreaterThan(100);
    expect(count((f) => f.sender.fullName === null)).toBeGreaterThan(0);
    expect(count((f) => f.agencyCode === null)).toBeGreaterThan(0);
    expect(count((f) => f.procedureCode === null)).toBeGreaterThan(100);
  });

  it('lists its planted unknown references, on items that carry them, known to no portal', async () => {
    sim = await start({ feedbacks: 300 });
    const world = smallWorld();
    const { unknownReferences } = sim.manifest();
    expect(unknownReferences).toHaveLength(6);
    expect(new Set(unknownReferences.map((u) => u.field))).toEqual(
      new Set(['maTTHC', 'maHoSo', 'coQuanXuLy']),
    );
    const items = new Map([...sim.items()].map((raw) => [String(raw.maPAKN), raw]));
    for (const u of unknownReferences) {
      expectUnknownTo(world, items.get(u.maPAKN) as Record<string, unknown>, u);
    }
    // Everything else names only what the world knows.
    const planted = new Set(unknownReferences.map((u) => u.maPAKN));
    for (const [code, raw] of items) {
      if (planted.has(code)) continue;
      if (raw.maTTHC) expect(world.procedureIndexOf(String(raw.maTTHC))).not.toBeNull();
      const agency = (raw.coQuanXuLy as { maDonVi: string } | null)?.maDonVi;
      if (agency) expect(world.agency(agency)).toBeDefined();
    }
  });

  it('is the same data for the same seed, whatever is asked first', async () => {
    sim = await start({ feedbacks: 200 });
    const a = sim.store.item(150);
    const b = sim.store.item(3);
    const other = await start({ feedbacks: 200 });
    try {
      expect(other.store.item(3)).toEqual(b);
      expect(other.store.item(150)).toEqual(a);
    } finally {
      await other.close();
    }
  });

  it('answers day windows exactly, before and after items change, are added or removed', async () => {
    sim = await start({ feedbacks: 400 });
    const s = sim;
    const check = async (from: string, to: string) => {
      const [fd, fm, fy] = from.split('/').map(Number) as [number, number, number];
      const [td, tm, ty] = to.split('/').map(Number) as [number, number, number];
      const lo = localInstant(fy, fm, fd);
      const hi = localInstant(ty, tm, td + 1);
      // Portal order: by ngayCapNhat (a stable sort keeps the id order of ties and of the changes made in turn).
      const want = [...s.items()]
        .map((raw) => ({ code: raw.maPAKN, t: instantOf(String(raw.ngayCapNhat)) }))
        .filter(({ t }) => t >= lo && t < hi)
        .sort((a, b) => a.t - b.t)
        .map(({ code }) => code);
      const got: unknown[] = [];
      for (let page = 1; page < 100; page++) {
        const r = await get(s, `tuNgay=${from}&denNgay=${to}&trang=${page}&soBanGhi=7`);
        expect(r.body.tongSoBanGhi).toBe(want.length);
        const items = r.body.duLieu as Array<Record<string, unknown>>;
        got.push(...items.map((i) => i.maPAKN));
        if (items.length < 7) break;
      }
      expect(got).toEqual(want);
    };
    await check('01/02/2020', '29/02/2020');
    s.touch(10);
    s.touch(200);
    s.remove(201);
    s.add();
    await check('01/02/2020', '29/02/2020');
    await check('15/01/2021', '15/01/2021');
    await check('01/01/2019', '15/01/2021');
  });

  it('refuses a wrong key (403) and bad parameters (maLoi 01)', async () => {
    sim = await start({ feedbacks: 20 });
    expect((await get(sim, 'tuNgay=01/01/2020&denNgay=02/01/2020&trang=1&soBanGhi=10', 'nope')).status).toBe(
      403,
    );
    for (const q of [
      'tuNgay=2020-01-01&denNgay=02/01/2020&trang=1&soBanGhi=10',
      'tuNgay=02/01/2020&denNgay=01/01/2020&trang=1&soBanGhi=10',
      'tuNgay=01/01/2020&denNgay=02/01/2020&trang=0&soBanGhi=10',
      'tuNgay=01/01/2020&denNgay=02/01/2020&trang=1&soBanGhi=201',
    ]) {
      expect((await get(sim, q)).body.maLoi, q).toBe('01');
    }
  });

  it('serves millions of items without holding them: a busy day of 5 000 000 in well under a second', async () => {
    sim = await start({ feedbacks: 5_000_000 });
    const r = await get(sim, 'tuNgay=10/10/2020&denNgay=10/10/2020&trang=20&soBanGhi=200');
    expect(Number(r.body.tongSoBanGhi)).toBeGreaterThan(6000);
    expect((r.body.duLieu as unknown[]).length).toBe(200);
  });
});
