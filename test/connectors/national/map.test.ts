import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toAgency, toNationalProcedure, toSector } from '../../../connectors/national/map';

const FIXTURES = path.join(__dirname, '../../fixtures/national');
const fixture = (name: string): unknown => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8'));
/** A recorded envelope's one record. */
const recorded = (name: string): unknown => (fixture(name) as { result: unknown[] }).result[0];
/** Rows as they would be stored: Dates become ISO strings. */
const asStored = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function mapOk(name: string, decision?: unknown) {
  const result = toNationalProcedure(recorded(name), decision);
  if (!result.ok) throw new Error(`expected ${name} to map, got ${result.field}: ${result.reason}`);
  return result.record;
}

describe('toNationalProcedure', () => {
  it('maps the contract example with its decision, reading PHILEPHI in both places', () => {
    const record = mapOk('layThuTuc-full.json', recorded('layQDCB-qd-7781.json'));
    expect(asStored(record)).toEqual(fixture('layThuTuc-full.expected.json'));
  });

  it('keeps only the decision id when LayQDCB was not read', () => {
    expect(mapOk('layThuTuc-full.json').decision).toEqual({
      id: 'qd-7781',
      number: null,
      date: null,
      issuer: null,
    });
  });

  it('reads decimal and numeric times, unit variants, postal channel and string or number money', () => {
    const record = mapOk('layThuTuc-half-day.json');
    expect(record.levels).toEqual(['DISTRICT', 'COMMUNE']);
    expect(record.decision).toBeNull();
    expect(record.documents).toEqual([]);
    expect(record.requirements).toBeNull();
    expect(record.updatedAt.toISOString()).toBe('2019-12-31T16:59:59.000Z');
    expect(record.channels).toEqual([
      {
        channel: 'DIRECT',
        times: [
          { value: 0.5, unit: 'DAY', description: 'Trong ngày làm việc' },
          { value: 4, unit: 'HOUR', description: null },
        ],
        fees: [{ code: 'LP02', amount: 2000, description: 'Lệ phí chứng thực mỗi trang' }],
      },
      {
        channel: 'POSTAL',
        times: [{ value: 1, unit: 'MONTH', description: 'Qua bưu chính công ích' }],
        fees: [
          { code: 'LP02', amount: 2000, description: 'Lệ phí chứng thực mỗi trang' },
          { code: null, amount: 0, description: 'Miễn phí gửi trả' },
        ],
      },
      { channel: 'ONLINE', times: [{ value: 2, unit: 'HOUR', description: null }], fees: [] },
    ]);
    expect(record.issues).toEqual([]);
  });

  it('keeps a record with an unknown unit, unreadable time or legal-basis date and marks those fields', () => {
    const record = mapOk('layThuTuc-unknown-unit.json');
    expect(record.code).toBe('1.001612');
    expect(record.channels[0]?.times).toEqual([
      { value: 15, unit: null, description: null },
      { value: null, unit: 'WORKING_DAY', description: null },
    ]);
    expect(record.channels[0]?.fees).toEqual([
      { code: 'LP03', amount: 75000, description: 'Lệ phí cấp phép' },
    ]);
    expect(record.legalBases[0]?.issuedDate).toBeNull();
    expect(record.issues).toEqual([
      { field: 'CACHTHUCTHUCHIEN[0].THOIGIAN[0].DONVITINH', reason: 'unknown time unit', value: 'Tuần' },
      {
        field: 'CACHTHUCTHUCHIEN[0].THOIGIAN[1].THOIGIANGIAIQUYET',
        reason: 'processing time is not a non-negative decimal',
        value: 'Theo quy định',
      },
      {
        field: 'CANCUPHAPLY[0].NGAYBANHANH',
        reason: expect.stringContaining('does not exist'),
        value: '31/02/2021',
      },
    ]);
  });

  it('maps an abolished procedure with the moment of abolition', () => {
    const record = mapOk('layThuTuc-abolished.json');
    expect(record.inForce).toBe(false);
    expect(record.abolishedAt?.toISOString()).toBe('2020-06-30T17:00:00.000Z');
    expect(record.channels).toEqual([
      { channel: 'DIRECT', times: [{ value: 10, unit: 'WORKING_DAY', description: null }], fees: [] },
    ]);
    expect(record.issues).toEqual([]);
  });

  it('flags an abolished procedure without NGAYBAIBO but keeps it', () => {
    const raw = { ...(recorded('layThuTuc-abolished.json') as object), NGAYBAIBO: null };
    const result = toNationalProcedure(raw);
    expect(result.ok && result.record.abolishedAt === null && result.record.issues).toEqual([
      { field: 'NGAYBAIBO', reason: 'abolished procedure without NGAYBAIBO' },
    ]);
  });

  it('stores NFD names NFC-normalized and trimmed, inner spacing as received', () => {
    const record = mapOk('layThuTuc-nfd.json');
    expect(record.code).toBe('1.000894');
    expect(record.name).toBe('Đăng ký khai sinh\u00a0có yếu tố nước ngoài');
    expect(record.name).toBe(record.name.normalize('NFC'));
    expect(record.sectors).toEqual([{ code: 'G09-HT', name: 'Hộ tịch' }]);
    expect(record.agencies).toEqual([{ code: '000.00.01.H21', name: 'Sở Tư pháp' }]);
    expect(record.requirements).toBe('Người yêu cầu xuất trình giấy tờ tùy thân');
    expect(record.channels[0]?.times[0]?.unit).toBe('WORKING_DAY');
  });

  const bad = fixture('layThuTuc-bad-records.json') as Array<{
    name: string;
    field: string;
    reason: string;
    raw: unknown;
  }>;
  it.each(bad.map((b) => [b.name, b] as const))('rejects a record with %s', (_name, b) => {
    const result = toNationalProcedure(b.raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.field).toBe(b.field);
    expect(result.reason).toContain(b.reason);
  });

  it.each([null, 'text', [], 42])('rejects a record that is not an object (%j)', (raw) => {
    expect(toNationalProcedure(raw)).toMatchObject({ ok: false, field: '' });
  });
});

describe('toAgency and toSector', () => {
  it('maps the agency catalogue and rejects unknown levels and missing codes', () => {
    const results = (fixture('layDanhMucCoQuan.json') as { result: unknown[] }).result.map(toAgency);
    expect(results.slice(0, 4)).toEqual([
      {
        ok: true,
        record: {
          code: '000.00.00.H21',
          name: 'UBND thành phố Đà Nẵng',
          level: 'PROVINCE',
          parentCode: null,
        },
      },
      {
        ok: true,
        record: { code: '000.00.12.H21', name: 'Sở Y tế', level: 'PROVINCE', parentCode: '000.00.00.H21' },
      },
      {
        ok: true,
        record: {
          code: '000.20.31.H21',
          name: 'UBND huyện Hòa Vang',
          level: 'DISTRICT',
          parentCode: '000.00.00.H21',
        },
      },
      {
        ok: true,
        record: { code: '000.21.31.H21', name: 'UBND xã Hòa Bắc', level: 'COMMUNE', parentCode: null },
      },
    ]);
    expect(results[5]).toEqual({ ok: false, field: 'CAPDONVI', reason: 'unknown agency level 9' });
    expect(results[6]).toEqual({ ok: false, field: 'MADONVI', reason: 'Required' });
  });

  it('maps the sector catalogue', () => {
    const results = (fixture('layDanhMucLinhVuc.json') as { result: unknown[] }).result.map(toSector);
    expect(results).toEqual([
      { ok: true, record: { code: 'G14-DU', name: 'Dược phẩm', industryCode: 'G14' } },
      { ok: true, record: { code: 'G09-CT', name: 'Chứng thực', industryCode: null } },
      { ok: true, record: { code: 'G09-HT', name: 'Hộ tịch', industryCode: 'G09' } },
      { ok: false, field: 'MALINHVUC', reason: expect.stringContaining('at least 1') },
    ]);
  });
});
