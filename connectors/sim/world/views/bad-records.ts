/**
 * Bad input the national simulator can plant in its answers (upstream-apis.md "Bad
 * input"): each kind breaks one field of an otherwise valid listing item or record.
 */
import type { RawRecord } from './national';

export const BAD_RECORD_KINDS = [
  'missing_code',
  'bad_date',
  'unknown_channel',
  'negative_money',
  'wrong_type',
  'unknown_unit',
] as const;
export type BadRecordKind = (typeof BAD_RECORD_KINDS)[number];

/** Breaks a `LayDanhSachTTHC` item (only the kinds that show in the list). */
export function corruptListItem(item: RawRecord, kind: BadRecordKind): RawRecord {
  const out = { ...item };
  if (kind === 'missing_code') delete out.MATTHC;
  if (kind === 'bad_date') out.NGAYCAPNHAT = badDate(String(item.NGAYCAPNHAT));
  return out;
}

/** Breaks a `LayThuTuc` record. */
export function corruptRecord(record: RawRecord, kind: BadRecordKind): RawRecord {
  const out: RawRecord = structuredClone(record);
  const channels = out.CACHTHUCTHUCHIEN as RawRecord[];
  const first = channels[0] ?? { KENH: 1, THOIGIAN: [] };
  if (channels.length === 0) channels.push(first);
  switch (kind) {
    case 'missing_code':
      delete out.MATTHC;
      break;
    case 'bad_date':
      out.NGAYCAPNHAT = badDate(String(record.NGAYCAPNHAT));
      break;
    case 'unknown_channel':
      first.KENH = 9;
      break;
    case 'negative_money':
      first.PHILEPHI = [{ MAPHILEPHI: 'LP01', SOTIEN: -150000, DONVI: 'Đồng', MOTA: 'Lệ phí' }];
      for (const time of first.THOIGIAN as RawRecord[]) delete time.PHILEPHI;
      break;
    case 'wrong_type':
      out.CAPTHUCHIEN = 'Cấp Tỉnh';
      break;
    case 'unknown_unit': {
      const times = first.THOIGIAN as RawRecord[];
      if (times[0]) times[0].DONVITINH = 'Tuần';
      else first.THOIGIAN = [{ THOIGIANGIAIQUYET: '2', DONVITINH: 'Tuần', MOTA: '' }];
      break;
    }
  }
  return out;
}

/** Same length and digits, but month 13: looks right, does not parse. */
function badDate(valid: string): string {
  return `${valid.slice(0, 4)}13${valid.slice(6)}`;
}
