/**
 * Bad input the PAKN simulator can plant (upstream-apis.md "Bad input"): each kind breaks
 * one field of an otherwise valid item, and the connector must quarantine it with that field.
 */
import type { RawFeedbackItem } from './feedback';

export const PAKN_BAD_RECORD_KINDS = [
  'missing_key',
  'bad_date',
  'bad_history_date',
  'unknown_status',
  'unknown_classification',
  'negative_count',
  'wrong_type',
] as const;
export type PaknBadRecordKind = (typeof PAKN_BAD_RECORD_KINDS)[number];

/** The field the connector must name for each kind. */
export const BAD_RECORD_FIELDS: Record<PaknBadRecordKind, string> = {
  missing_key: 'maPAKN',
  bad_date: 'ngayGui',
  bad_history_date: 'lichSu[0].thoiGian',
  unknown_status: 'trangThai',
  unknown_classification: 'phanLoai',
  negative_count: 'luotThich',
  wrong_type: 'luotKhongThich',
};

export function corruptFeedback(item: RawFeedbackItem, kind: PaknBadRecordKind): RawFeedbackItem {
  const out: RawFeedbackItem = structuredClone(item);
  switch (kind) {
    case 'missing_key':
      delete out.maPAKN;
      break;
    case 'bad_date':
      // Same shape, month 13: looks right, does not parse.
      out.ngayGui = `${String(item.ngayGui).slice(0, 3)}13${String(item.ngayGui).slice(5)}`;
      break;
    case 'bad_history_date': {
      const history = out.lichSu as Array<Record<string, unknown>>;
      if (history[0]) history[0].thoiGian = '2020-03-05 08:00';
      break;
    }
    case 'unknown_status':
      out.trangThai = 'DANG_XEM_XET';
      break;
    case 'unknown_classification':
      out.phanLoai = 'GOP_Y';
      break;
    case 'negative_count':
      out.luotThich = -3;
      break;
    case 'wrong_type':
      out.luotKhongThich = 'hai';
      break;
  }
  return out;
}
