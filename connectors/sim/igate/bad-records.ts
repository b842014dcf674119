/**
 * Bad input the iGate simulator can plant (upstream-apis.md "Bad input"): each kind breaks
 * one field of an otherwise valid listing or dossier. The rows keep their place in the
 * upstream order, so the valid rows around them are served as usual.
 */
import type { RawRecord } from './listing-view';

export const BAD_RECORD_KINDS = [
  'missing_key',
  'bad_date',
  'unknown_status',
  'negative_money',
  'wrong_type',
] as const;
export type BadRecordKind = (typeof BAD_RECORD_KINDS)[number];
/** Dossiers carry no money: `negative_money` is planted on listings only. */
export const DOSSIER_BAD_KINDS: readonly BadRecordKind[] = [
  'missing_key',
  'bad_date',
  'unknown_status',
  'wrong_type',
];

/** The field each kind breaks, as the connector reports it. */
export const BROKEN_FIELD: Record<'listings' | 'dossiers', Partial<Record<BadRecordKind, string>>> = {
  listings: {
    missing_key: 'code',
    bad_date: 'updatedDate',
    unknown_status: 'status',
    negative_money: 'implementation[0].fees[0].amount',
    wrong_type: 'levels',
  },
  dossiers: {
    missing_key: 'code',
    bad_date: 'appliedDate',
    unknown_status: 'dossierStatus.id',
    wrong_type: 'applyMethod.id',
  },
};

export function corruptListing(raw: RawRecord, kind: BadRecordKind): RawRecord {
  const out: RawRecord = structuredClone(raw);
  switch (kind) {
    case 'missing_key':
      delete out.code;
      break;
    case 'bad_date':
      out.updatedDate = badDate(String(raw.updatedDate));
      break;
    case 'unknown_status':
      out.status = 7;
      break;
    case 'negative_money': {
      const implementation = (out.implementation as RawRecord[] | undefined) ?? [];
      const first = implementation[0] ?? { applyMethod: { id: 0 }, processingTime: null, fees: [] };
      first.fees = [{ code: 'LP01', amount: -150000, description: 'Lệ phí' }];
      out.implementation = [first, ...implementation.slice(1)];
      break;
    }
    case 'wrong_type':
      out.levels = 'Cấp Tỉnh';
      break;
  }
  return out;
}

export function corruptDossier(raw: RawRecord, kind: BadRecordKind): RawRecord {
  const out: RawRecord = structuredClone(raw);
  switch (kind) {
    case 'missing_key':
      delete out.code;
      break;
    case 'bad_date':
      out.appliedDate = badDate(String(raw.appliedDate));
      break;
    case 'unknown_status':
      out.dossierStatus = { id: 42, name: 'Không xác định' };
      break;
    case 'wrong_type':
      out.applyMethod = { id: 'online' };
      break;
    case 'negative_money':
      throw new Error('igate_sim_bad_kind: dossiers carry no money');
  }
  return out;
}

/** Same shape, month 13: looks right, does not parse. */
function badDate(valid: string): string {
  return `${valid.slice(0, 5)}13${valid.slice(7)}`;
}
