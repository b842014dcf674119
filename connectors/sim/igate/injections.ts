/**
 * The discrepancies and traps the iGate simulator plants in its listings (domain.md,
 * "Consistency findings"). Each one is a predicate on the national record (which
 * procedures it can be planted on) and the change it makes to that procedure's listing.
 * Every planted procedure otherwise agrees with the national record, so the finding it
 * carries is the only one on its subject.
 */
import { direct, has, single, stripped } from './procedure-facts';
import { TRAPS } from './traps';
import type { Injection } from './types';

const FINDINGS: readonly Injection[] = [
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
];

export const INJECTIONS: readonly Injection[] = [...FINDINGS, ...TRAPS];
