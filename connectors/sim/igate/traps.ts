/**
 * Traps the iGate simulator plants: differences between the portals that look like
 * findings and must not become one (domain.md, normalization rules).
 */

import { single } from './procedure-facts';
import type { Injection } from './types';

export const TRAPS: readonly Injection[] = [
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
