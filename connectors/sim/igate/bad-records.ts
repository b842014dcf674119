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

/** Breaks one field of `out`, a copy of `raw`. */
type Corruption = (out: RawRecord, raw: RawRecord) => void;

const dropCode: Corruption = (out) => {
  delete out.code;
};

const LISTING_CORRUPTIONS: Record<BadRecordKind, Corruption> = {
  missing_key: dropCode,
  bad_date: (out, raw) => {
    out.updatedDate = badDate(String(raw.updatedDate));
  },
  unknown_status: (out) => {
    out.status = 7;
  },
  negative_money: (out) => {
    const implementation = (out.implementation as RawRecord[] | undefined) ?? [];
    const first = implementation[0] ?? { applyMethod: { id: 0 }, processingTime: null, fees: [] };
    first.fees = [{ code: 'LP01', amount: -150000, description: 'Lệ phí' }];
    out.implementation = [first, ...implementation.slice(1)];
  },
  wrong_type: (out) => {
    out.levels = 'Cấp Tỉnh';
  },
};

const DOSSIER_CORRUPTIONS: Record<BadRecordKind, Corruption> = {
  missing_key: dropCode,
  bad_date: (out, raw) => {
    out.appliedDate = badDate(String(raw.appliedDate));
  },
  unknown_status: (out) => {
    out.dossierStatus = { id: 42, name: 'Không xác định' };
  },
  negative_money: () => {
    throw new Error('igate_sim_bad_kind: dossiers carry no money');
  },
  wrong_type: (out) => {
    out.applyMethod = { id: 'online' };
  },
};

export function corruptListing(raw: RawRecord, kind: BadRecordKind): RawRecord {
  return corrupted(raw, LISTING_CORRUPTIONS[kind]);
}

export function corruptDossier(raw: RawRecord, kind: BadRecordKind): RawRecord {
  return corrupted(raw, DOSSIER_CORRUPTIONS[kind]);
}

function corrupted(raw: RawRecord, corruption: Corruption): RawRecord {
  const out: RawRecord = structuredClone(raw);
  corruption(out, raw);
  return out;
}

/** Same shape, month 13: looks right, does not parse. */
function badDate(valid: string): string {
  return `${valid.slice(0, 5)}13${valid.slice(7)}`;
}
