import { afterEach, describe, expect, it } from 'vitest';
import { fromCompact } from '../../../connectors/sim/kit/time';
import {
  type NationalSimulator,
  type NationalSimulatorOptions,
  startNationalSimulator,
} from '../../../connectors/sim/national/simulator';

type Json = Record<string, unknown>;
type Item = { MATTHC?: string; TENTTHC: string; NGAYCAPNHAT: string; TRANGTHAI: number };

let sim: NationalSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

async function start(options: NationalSimulatorOptions = {}): Promise<NationalSimulator> {
  sim = await startNationalSimulator({ seed: 21, procedures: 250, faults: {}, ...options });
  return sim;
}

async function post(s: NationalSimulator, path: string, body: unknown): Promise<Json> {
  const res = await fetch(`${s.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Json;
}

async function login(s: NationalSimulator): Promise<string> {
  const out = await post(s, '/api/session', { username: 'hub', password: 'hub-secret' });
  expect(out).toMatchObject({ error_code: 0, expires_in: 1800 });
  return out.session as string;
}

async function call(
  s: NationalSimulator,
  session: string,
  service: string,
  params: Json = {},
): Promise<Json> {
  return post(s, '/api/service', { session, madonvi: 'H21', service, ...params });
}

async function walk(s: NationalSimulator, session: string, size: number, tungay?: string): Promise<Item[]> {
  const items: Item[] = [];
  for (let page = 1; ; page++) {
    const out = await call(s, session, 'LayDanhSachTTHC', { trang: page, sobanghi: size, tungay });
    expect(out.error_code).toBe(0);
    const result = out.result as Item[];
    items.push(...result);
    if (result.length < size) {
      expect(items).toHaveLength(out.tongso as number);
      return items;
    }
  }
}

describe('national simulator: session (§1 Session)', () => {
  it('opens a session and refuses bad credentials with -1', async () => {
    const s = await start({ username: 'u', password: 'p' });
    expect(await post(s, '/api/session', { username: 'u', password: 'wrong' })).toEqual({
      error_code: -1,
      message: 'Sai tên đăng nhập hoặc mật khẩu',
    });
    const ok = await post(s, '/api/session', { username: 'u', password: 'p' });
    expect(ok).toMatchObject({ error_code: 0, session: expect.any(String) });
  });

  it('answers -401 for unknown, expired and invalidated sessions', async () => {
    let now = Date.UTC(2021, 0, 1);
    const s = await start({ sessionTtlSeconds: 60, now: () => now });
    expect(await call(s, 'nope', 'LayDanhMucLinhVuc')).toMatchObject({ error_code: -401 });
    const session = (await post(s, '/api/session', { username: 'hub', password: 'hub-secret' }))
      .session as string;
    expect(await call(s, session, 'LayDanhMucLinhVuc')).toMatchObject({ error_code: 0 });
    now += 61_000;
    expect(await call(s, session, 'LayDanhMucLinhVuc')).toMatchObject({
      error_code: -401,
      message: 'Phiên làm việc hết hạn',
    });
    const renewed = await post(s, '/api/session', { username: 'hub', password: 'hub-secret' });
    expect(renewed).toMatchObject({ error_code: 0, expires_in: 60 });
    const next = renewed.session as string;
    expect(await call(s, next, 'LayDanhMucLinhVuc')).toMatchObject({ error_code: 0 });
    s.expireSessions();
    expect(await call(s, next, 'LayDanhMucLinhVuc')).toMatchObject({ error_code: -401 });
  });
});

describe('national simulator: services (§1 Services)', () => {
  it('lists every procedure in pages, ordered by NGAYCAPNHAT then MATTHC', async () => {
    const s = await start();
    const session = await login(s);
    const items = await walk(s, session, 40);
    expect(items).toHaveLength(250);
    expect(new Set(items.map((i) => i.MATTHC)).size).toBe(250);
    for (let i = 1; i < items.length; i++) {
      const [a, b] = [items[i - 1]!, items[i]!];
      expect(
        a.NGAYCAPNHAT < b.NGAYCAPNHAT || (a.NGAYCAPNHAT === b.NGAYCAPNHAT && a.MATTHC! < b.MATTHC!),
      ).toBe(true);
    }
    expect(items.some((i) => i.TRANGTHAI === 0)).toBe(true);
    expect(await call(s, session, 'LayDanhSachTTHC', { trang: 1, sobanghi: 501 })).toMatchObject({
      error_code: -3,
    });
    expect(
      await call(s, session, 'LayDanhSachTTHC', { trang: 1, sobanghi: 10, tungay: '2020-01-01' }),
    ).toMatchObject({
      error_code: -3,
    });
    expect(await call(s, session, 'LayDanhSachTTHC', { trang: 99, sobanghi: 10 })).toMatchObject({
      error_code: 0,
      result: [],
      tongso: 250,
    });
  });

  it('filters with tungay (updated at or after) and shows touched records', async () => {
    const s = await start();
    const session = await login(s);
    const all = await walk(s, session, 500);
    const pivot = all[200]!.NGAYCAPNHAT;
    const recent = await walk(s, session, 500, pivot);
    expect(recent).toEqual(all.filter((i) => i.NGAYCAPNHAT >= pivot));
    const touched = s.touch(all[0]!.MATTHC!, { name: 'Thủ tục đã sửa' });
    const after = await walk(s, session, 500, pivot);
    expect(after.at(-1)).toMatchObject({ MATTHC: touched.code, TENTTHC: 'Thủ tục đã sửa' });
    expect(fromCompact(after.at(-1)!.NGAYCAPNHAT)).toBe(touched.updatedAt);
  });

  it('returns a full record, -2 for unknown or removed codes, NGAYBAIBO once abolished', async () => {
    const s = await start();
    const session = await login(s);
    const code = s.catalogue.sorted()[10]!.code;
    const out = await call(s, session, 'LayThuTuc', { maTTHC: code });
    expect(out).toMatchObject({ error_code: 0, message: 'Thành công' });
    const record = (out.result as Json[])[0]!;
    expect(record).toMatchObject({
      MATTHC: code,
      LINHVUCTHUCHIEN: expect.any(Array),
      CACHTHUCTHUCHIEN: expect.any(Array),
    });
    expect(await call(s, session, 'LayThuTuc', { maTTHC: '9.999999' })).toMatchObject({ error_code: -2 });
    s.abolish(code, Date.UTC(2021, 0, 2, 1));
    const abolished = ((await call(s, session, 'LayThuTuc', { maTTHC: code })).result as Json[])[0]!;
    expect(abolished).toMatchObject({
      TRANGTHAI: 0,
      NGAYBAIBO: '20210102080000',
      NGAYCAPNHAT: '20210102080000',
    });
    s.remove(code);
    expect(await call(s, session, 'LayThuTuc', { maTTHC: code })).toMatchObject({ error_code: -2 });
    expect((await walk(s, session, 500)).map((i) => i.MATTHC)).not.toContain(code);
    const added = s.add();
    expect(await call(s, session, 'LayThuTuc', { maTTHC: added.code })).toMatchObject({ error_code: 0 });
  });

  it('serves agencies, sectors and publication decisions; rejects a foreign unit', async () => {
    const s = await start();
    const session = await login(s);
    const agencies = (await call(s, session, 'LayDanhMucCoQuan')).result as Json[];
    expect(agencies).toHaveLength(s.world.agencies.length);
    expect(agencies).toContainEqual({
      MADONVI: '000.00.12.H21',
      TENDONVI: 'Sở Y tế',
      CAPDONVI: 1,
      MADONVICHA: '000.00.00.H21',
    });
    expect(agencies.filter((a) => a.CAPDONVI === 2)).toHaveLength(11);
    const sectors = (await call(s, session, 'LayDanhMucLinhVuc')).result as Json[];
    expect(sectors).toContainEqual({ MALINHVUC: 'G14-DU', TENLINHVUC: 'Dược phẩm', MANGANH: 'G14' });
    const record = (
      (await call(s, session, 'LayThuTuc', { maTTHC: s.catalogue.sorted()[0]!.code })).result as Json[]
    )[0]!;
    const decision = (await call(s, session, 'LayQDCB', { idQDCB: record.IDQUYETDINHCONGBO }))
      .result as Json[];
    expect(decision[0]).toMatchObject({
      ID: record.IDQUYETDINHCONGBO,
      SOQUYETDINH: expect.stringMatching(/^\d+\/QĐ-/),
    });
    expect(decision[0]?.NGAYQUYETDINH).toMatch(/^\d{8}000000$/);
    expect(await call(s, session, 'LayQDCB', { idQDCB: 'qd-0' })).toMatchObject({ error_code: -2 });
    expect(
      await post(s, '/api/service', { session, madonvi: 'H22', service: 'LayDanhMucLinhVuc' }),
    ).toMatchObject({
      error_code: -3,
    });
    expect(await call(s, session, 'LayGiDo')).toMatchObject({ error_code: -4 });
    expect(s.stats.byService.LayThuTuc).toBe(1);
  });

  it('plants bad records of every kind', async () => {
    const s = await start({ badRecords: 6 });
    const session = await login(s);
    const kinds = new Map([...s.badRecords].map(([code, kind]) => [kind, code]));
    expect(kinds.size).toBe(6);
    const items = await walk(s, session, 500);
    expect(items.filter((i) => i.MATTHC === undefined)).toHaveLength(1);
    expect(items.find((i) => i.MATTHC === kinds.get('bad_date'))?.NGAYCAPNHAT).toMatch(/^\d{4}13/);
    const record = async (kind: string): Promise<Json> =>
      ((await call(s, session, 'LayThuTuc', { maTTHC: kinds.get(kind as never) })).result as Json[])[0]!;
    expect(((await record('unknown_channel')).CACHTHUCTHUCHIEN as Json[])[0]?.KENH).toBe(9);
    expect(typeof (await record('wrong_type')).CAPTHUCHIEN).toBe('string');
    const code = s.injectBadRecord('negative_money');
    const fee = (
      (
        ((await call(s, session, 'LayThuTuc', { maTTHC: code })).result as Json[])[0]!
          .CACHTHUCTHUCHIEN as Json[]
      )[0]!.PHILEPHI as Json[]
    )[0];
    expect(fee?.SOTIEN).toBe(-150000);
  });
});

describe('national simulator: limits and faults', () => {
  it('answers 429 with Retry-After above 10 requests in flight', async () => {
    const s = await start({ faults: { rates: { slow: 1 }, slowMs: 150, retryAfterSeconds: 1 } });
    const responses = await Promise.all(
      Array.from({ length: 16 }, () =>
        fetch(`${s.url}/api/session`, {
          method: 'POST',
          body: JSON.stringify({ username: 'hub', password: 'hub-secret' }),
        }),
      ),
    );
    const throttled = responses.filter((r) => r.status === 429);
    await Promise.all(responses.map((r) => r.text()));
    expect(throttled.length).toBeGreaterThanOrEqual(5);
    expect(throttled[0]?.headers.get('retry-after')).toBe('1');
  });

  it('applies protocol faults: error code, expiry, duplicate, shifting data', async () => {
    const s = await start();
    let session = await login(s);
    s.faults.enqueue('errorcode');
    expect(await call(s, session, 'LayDanhMucLinhVuc')).toMatchObject({ error_code: -500 });
    s.faults.enqueue('expire');
    expect(await call(s, session, 'LayDanhMucLinhVuc')).toMatchObject({ error_code: -401 });
    expect(await call(s, session, 'LayDanhMucLinhVuc')).toMatchObject({ error_code: -401 });
    session = await login(s);
    const page1 = (await call(s, session, 'LayDanhSachTTHC', { trang: 1, sobanghi: 20 })).result as Item[];
    s.faults.enqueue('duplicate');
    const page2 = (await call(s, session, 'LayDanhSachTTHC', { trang: 2, sobanghi: 20 })).result as Item[];
    expect(page2[0]).toEqual(page1.at(-1));
    const before = s.catalogue.version;
    s.faults.enqueue('shift');
    await call(s, session, 'LayDanhSachTTHC', { trang: 1, sobanghi: 20 });
    expect(s.catalogue.version).toBe(before + 1);
    expect(s.stats.faults).toMatchObject({ errorcode: 1, expire: 1, duplicate: 1, shift: 1 });
  });

  it('injects faults at about the configured rate', async () => {
    const s = await start({ faults: { rate: 0.3, kinds: ['http500', 'http503', 'errorcode'], seed: 3 } });
    let failures = 0;
    for (let i = 0; i < 200; i++) {
      const res = await fetch(`${s.url}/api/session`, {
        method: 'POST',
        body: JSON.stringify({ username: 'hub', password: 'hub-secret' }),
      });
      const text = await res.text();
      if (res.status !== 200 || JSON.parse(text).error_code !== 0) failures++;
    }
    expect(failures).toBeGreaterThan(40);
    expect(failures).toBeLessThan(80);
    const counted = s.stats.faults.http500 + s.stats.faults.http503 + s.stats.faults.errorcode;
    expect(counted).toBe(failures);
  });
});
