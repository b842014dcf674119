import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../../connectors/sim/world';
import { corruptListItem, corruptRecord } from '../../../../connectors/sim/world/views/bad-records';
import {
  nationalListItem,
  nationalRecord,
  type RawRecord,
} from '../../../../connectors/sim/world/views/national';

const world = createWorld({ seed: 3, procedures: 600 });
const records = [...world.procedures()].map((p) => nationalRecord(world.seed, p));
const channels = records.flatMap((r) => r.CACHTHUCTHUCHIEN as RawRecord[]);
const times = channels.flatMap((c) => c.THOIGIAN as RawRecord[]);
const fees = [...channels, ...times].flatMap((x) => (x.PHILEPHI as RawRecord[] | undefined) ?? []);

describe('national view of the world (upstream-apis.md §1)', () => {
  it('renders the contract shape', () => {
    const r = records[0] as RawRecord;
    expect(Object.keys(r)).toEqual(
      expect.arrayContaining([
        'ID',
        'MATTHC',
        'TENTTHC',
        'LOAITTHC',
        'TRANGTHAI',
        'NGAYCAPNHAT',
        'MACOQUANCONGBO',
      ]),
    );
    for (const rec of records) {
      expect(rec.NGAYCAPNHAT).toMatch(/^20(18|19|20)\d{10}$/);
      for (const b of rec.CANCUPHAPLY as RawRecord[]) expect(b.NGAYBANHANH).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      for (const c of rec.CAPTHUCHIEN as RawRecord[]) expect([0, 1, 2, 3]).toContain(c.CAPTHUCHIEN);
      expect(rec.TRANGTHAI === 0).toBe(typeof rec.NGAYBAIBO === 'string');
    }
    for (const c of channels) expect([1, 2, 3]).toContain(c.KENH);
    for (const t of times) expect(t.THOIGIANGIAIQUYET).toMatch(/^\d+(\.\d+)?$/);
    expect(times.some((t) => t.THOIGIANGIAIQUYET === '0.5')).toBe(true);
  });

  it('uses both fee placements, both money types and every unit spelling', () => {
    expect(channels.some((c) => Array.isArray(c.PHILEPHI) && (c.PHILEPHI as unknown[]).length > 0)).toBe(
      true,
    );
    expect(times.some((t) => Array.isArray(t.PHILEPHI) && (t.PHILEPHI as unknown[]).length > 0)).toBe(true);
    expect(fees.some((f) => typeof f.SOTIEN === 'string')).toBe(true);
    expect(fees.some((f) => typeof f.SOTIEN === 'number')).toBe(true);
    const units = new Set(times.map((t) => t.DONVITINH));
    for (const u of ['Ngày làm việc', 'ngày làm việc', 'Ngày', 'ngày', 'Giờ làm việc', 'Giờ', 'Tháng']) {
      expect(units).toContain(u);
    }
  });

  it('spells some names in NFD or with stray whitespace, the same in list and record', () => {
    const names = records.map((r) => String(r.TENTTHC));
    expect(names.some((n) => n !== n.normalize('NFC'))).toBe(true);
    expect(names.some((n) => n !== n.trim())).toBe(true);
    expect(names.filter((n) => n === n.normalize('NFC') && n === n.trim()).length).toBeGreaterThan(
      names.length / 2,
    );
    const header = world.procedureHeaderAt(17);
    expect(nationalListItem(world.seed, header).TENTTHC).toBe(records[17]?.TENTTHC);
  });

  it('breaks exactly the field each bad-record kind names', () => {
    const record = records[0] as RawRecord;
    const item = nationalListItem(world.seed, world.procedureHeaderAt(0));
    expect(corruptListItem(item, 'missing_code')).not.toHaveProperty('MATTHC');
    expect(corruptListItem(item, 'bad_date').NGAYCAPNHAT).toMatch(/^\d{4}13\d{8}$/);
    const channel = (r: RawRecord): RawRecord => (r.CACHTHUCTHUCHIEN as RawRecord[])[0] as RawRecord;
    expect(channel(corruptRecord(record, 'unknown_channel')).KENH).toBe(9);
    expect((channel(corruptRecord(record, 'negative_money')).PHILEPHI as RawRecord[])[0]?.SOTIEN).toBe(
      -150000,
    );
    expect(typeof corruptRecord(record, 'wrong_type').CAPTHUCHIEN).toBe('string');
    expect((channel(corruptRecord(record, 'unknown_unit')).THOIGIAN as RawRecord[])[0]?.DONVITINH).toBe(
      'Tuần',
    );
    expect(record).toEqual(nationalRecord(world.seed, world.procedureAt(0)));
  });
});
