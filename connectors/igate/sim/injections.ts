/**
 * The discrepancies and traps the iGate simulator plants in its listings (domain.md,
 * "Consistency findings"). Each one is a predicate on the national record (which
 * procedures it can be planted on) and the change it makes to that procedure's listing.
 * Every planted procedure otherwise agrees with the national record, so the finding it
 * carries is the only one on its subject.
 */
import { foldDiacritics } from '../../../src/domain/text';
import type { Channel } from '../../kit/model';
import type { WorldProcedure } from '../../world';
import type { FindingKind, ListingSlot, Severity, TrapKind } from './types';

export interface Injection {
  /** A finding kind, or a trap (must NOT become a finding). */
  kind: FindingKind | TrapKind;
  severity?: Severity;
  field?: string;
  channel?: Channel;
  /** Subject is the national code (else the listing code). */
  subjectIsNational?: boolean;
  note: string;
  /** Abolished procedures qualify only for these. */
  abolished?: boolean;
  /** 0: no listing at all; 2: a second listing (duplicate); default 1. */
  listings?: 0 | 2;
  fits(p: WorldProcedure, extra: PlanFacts): boolean;
  apply?(slot: ListingSlot, p: WorldProcedure): void;
}

/** Facts the plan knows beyond the procedure record. */
export interface PlanFacts {
  /** The national record carries PHILEPHI beside THOIGIAN (not inside) on a channel with fees. */
  feesBesideTimes: boolean;
  /** The ministry's decision is in a year the working calendar has (2019 on). */
  decisionInCalendar: boolean;
}

const single = (p: WorldProcedure): boolean =>
  p.channels.length > 0 && p.channels.every((c) => c.times.length === 1) && p.agencies.length > 0;
const direct = (p: WorldProcedure) => p.channels.find((c) => c.channel === 'DIRECT');
const has = (p: WorldProcedure, channel: Channel): boolean => p.channels.some((c) => c.channel === channel);
const stripped = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'));

export const INJECTIONS: readonly Injection[] = [
  {
    kind: 'MISSING_IN_PROVINCE',
    severity: 'HIGH',
    subjectIsNational: true,
    listings: 0,
    note: 'in force nationally, never listed by the province',
    fits: single,
  },
  {
    kind: 'MISSING_IN_PROVINCE',
    severity: 'HIGH',
    subjectIsNational: true,
    note: 'in force nationally, listing withdrawn (status 0)',
    fits: single,
    apply: (s) => {
      s.status = 0;
    },
  },
  {
    kind: 'ABOLISHED_BUT_LISTED',
    severity: 'HIGH',
    field: 'status',
    abolished: true,
    note: 'abolished nationally (TRANGTHAI 0), listing still active',
    fits: (p) => single(p) && !p.inForce,
  },
  {
    kind: 'ABOLISHED_BUT_LISTED',
    severity: 'HIGH',
    field: 'status',
    abolished: true,
    note: 'abolished nationally, listing still active (dossiers filed on it after NGAYBAIBO)',
    fits: (p) => single(p) && !p.inForce,
  },
  {
    kind: 'NAME_MISMATCH',
    severity: 'LOW',
    field: 'name',
    note: 'diacritics stripped from the name',
    fits: (p) => single(p) && stripped(p.name) !== p.name,
    apply: (s, p) => {
      s.name = stripped(p.name);
    },
  },
  {
    kind: 'NAME_MISMATCH',
    severity: 'MEDIUM',
    field: 'name',
    note: 'different wording',
    fits: single,
    apply: (s, p) => {
      s.name = `${p.name} theo quy định mới`;
    },
  },
  {
    kind: 'PROCESSING_TIME_MISMATCH',
    severity: 'HIGH',
    field: 'processingTime',
    channel: 'DIRECT',
    note: 'province longer than every national time',
    fits: (p) => single(p) && Boolean(direct(p)),
    apply: (s, p) => {
      const t = direct(p)?.times[0];
      if (t) s.time = { channel: 'DIRECT', value: t.value + 5, unit: t.unit };
    },
  },
  {
    kind: 'PROCESSING_TIME_MISMATCH',
    severity: 'INFO',
    field: 'processingTime',
    channel: 'DIRECT',
    note: 'province shorter than every national time',
    fits: (p) => single(p) && (direct(p)?.times[0]?.value ?? 0) >= 2,
    apply: (s, p) => {
      const t = direct(p)?.times[0];
      if (t) s.time = { channel: 'DIRECT', value: t.value - 1, unit: t.unit };
    },
  },
  {
    kind: 'PROCESSING_TIME_MISMATCH',
    severity: 'MEDIUM',
    field: 'processingTime',
    channel: 'DIRECT',
    note: 'same value, calendar days instead of working days',
    fits: (p) => single(p) && direct(p)?.times[0]?.unit === 'WORKING_DAY',
    apply: (s, p) => {
      const t = direct(p)?.times[0];
      if (t) s.time = { channel: 'DIRECT', value: t.value, unit: 'DAY' };
    },
  },
  {
    kind: 'FEE_MISMATCH',
    severity: 'HIGH',
    field: 'fees',
    channel: 'DIRECT',
    note: 'the province charges twice the national fee',
    fits: (p) => single(p) && (direct(p)?.fees.some((f) => f.amount > 0) ?? false),
    apply: (s) => {
      s.feeFactor = { channel: 'DIRECT', factor: 2 };
    },
  },
  {
    kind: 'LEVEL_MISMATCH',
    severity: 'MEDIUM',
    field: 'levels',
    note: 'the province adds the district level',
    fits: (p) => single(p) && !p.levels.includes('DISTRICT'),
    apply: (s) => {
      s.addLevel = 'DISTRICT';
    },
  },
  {
    kind: 'ONLINE_LEVEL_MISMATCH',
    severity: 'MEDIUM',
    field: 'onlineLevel',
    note: 'listed as fully online, no national online channel',
    fits: (p) => single(p) && !has(p, 'ONLINE'),
    apply: (s) => {
      s.onlineLevel = 'FULL';
    },
  },
  {
    kind: 'LEGAL_BASIS_MISMATCH',
    severity: 'LOW',
    field: 'legalBases',
    note: 'the province cites one more document',
    fits: (p) => single(p) && p.legalBases.length > 0,
    apply: (s) => {
      s.extraLegalBasis = true;
    },
  },
  {
    kind: 'PUBLICATION_LATE',
    severity: 'MEDIUM',
    field: 'publishedDecision',
    note: 'published 12 working days after the ministry',
    fits: (p, f) => single(p) && f.decisionInCalendar,
    apply: (s) => {
      s.decisionDays = 12;
    },
  },
  {
    kind: 'DUPLICATE_LISTING',
    severity: 'MEDIUM',
    subjectIsNational: true,
    listings: 2,
    note: 'two active listings, same agency',
    fits: single,
  },
  // Traps: differences the checks must see through.
  {
    kind: 'NFD_NAME',
    note: 'listing name in NFD (combining diacritics)',
    fits: (p) => single(p) && p.name.normalize('NFD') !== p.name,
    apply: (s, p) => {
      s.name = p.name.normalize('NFD');
    },
  },
  {
    kind: 'DOUBLE_SPACE_NAME',
    note: 'a double space inside the name',
    fits: (p) => single(p) && p.name.includes(' '),
    apply: (s, p) => {
      s.name = p.name.replace(' ', '  ');
    },
  },
  {
    kind: 'TRAILING_PERIOD_NAME',
    note: 'the name ends with a period',
    fits: single,
    apply: (s, p) => {
      s.name = `${p.name}.`;
    },
  },
  {
    kind: 'NATIONAL_FEES_BESIDE_TIMES',
    note: 'national PHILEPHI sits on the channel, not inside THOIGIAN; same fees',
    fits: (p, f) => single(p) && f.feesBesideTimes,
  },
  {
    kind: 'NULL_NATION_CODE',
    note: 'nationCode null: the national code comes from the listing code',
    fits: single,
    apply: (s) => {
      s.nationCodeNull = true;
    },
  },
  {
    kind: 'ZERO_FEE_OMITTED',
    note: 'national lists a 0 đồng fee, the province lists none',
    fits: (p) => single(p) && p.channels.some((c) => c.fees.some((f) => f.amount === 0)),
    apply: (s) => {
      s.dropZeroFees = true;
    },
  },
  {
    kind: 'NATIONAL_MINISTRY_LEVEL',
    note: 'national levels include MINISTRY, the listing does not',
    fits: (p) => single(p) && p.levels.includes('MINISTRY') && p.levels.length > 1,
  },
  {
    kind: 'PUBLISHED_ON_FIFTH_WORKING_DAY',
    note: 'published exactly 5 working days after the ministry (on time)',
    fits: (p, f) => single(p) && f.decisionInCalendar,
    apply: (s) => {
      s.decisionDays = 5;
    },
  },
  {
    kind: 'LEGAL_NUMBER_CASE',
    note: 'document numbers in lower case with stray spaces',
    fits: (p) => single(p) && p.legalBases.some((b) => b.number.toLowerCase() !== b.number),
    apply: (s) => {
      s.lowerLegalNumbers = true;
    },
  },
  {
    kind: 'ABOLISHED_AND_WITHDRAWN',
    abolished: true,
    note: 'abolished nationally and withdrawn by the province',
    fits: (p) => !p.inForce,
  },
];

/** True when `name` differs from `original` only by diacritics (checked by the plan). */
export function onlyDiacritics(name: string, original: string): boolean {
  return foldDiacritics(name) === foldDiacritics(original) && name !== original;
}
