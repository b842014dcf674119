/** Shapes shared by the iGate simulator's parts. */
import type { Channel, Level, OnlineLevel, TimeUnit } from '../../../src/domain/model';
import type { WorldProcedure } from '../world';

export type Severity = 'HIGH' | 'MEDIUM' | 'LOW' | 'INFO';

export type FindingKind =
  | 'MISSING_IN_PROVINCE'
  | 'MISSING_IN_NATIONAL'
  | 'ABOLISHED_BUT_LISTED'
  | 'NAME_MISMATCH'
  | 'PROCESSING_TIME_MISMATCH'
  | 'FEE_MISMATCH'
  | 'LEVEL_MISMATCH'
  | 'ONLINE_LEVEL_MISMATCH'
  | 'LEGAL_BASIS_MISMATCH'
  | 'PUBLICATION_LATE'
  | 'DUPLICATE_LISTING'
  | 'DOSSIER_UNKNOWN_PROCEDURE'
  | 'DOSSIER_ON_ABOLISHED_PROCEDURE';

/** A disagreement the simulator planted on purpose: the checks must find exactly these. */
export interface ExpectedFinding {
  kind: FindingKind;
  subjectCode: string;
  field: string | null;
  channel: Channel | null;
  severity: Severity;
  nationalCode: string | null;
  note: string;
}

export type TrapKind =
  | 'NFD_NAME'
  | 'DOUBLE_SPACE_NAME'
  | 'TRAILING_PERIOD_NAME'
  | 'NATIONAL_FEES_BESIDE_TIMES'
  | 'NULL_NATION_CODE'
  | 'ZERO_FEE_OMITTED'
  | 'NATIONAL_MINISTRY_LEVEL'
  | 'PUBLISHED_ON_FIFTH_WORKING_DAY'
  | 'LEGAL_NUMBER_CASE'
  | 'ABOLISHED_AND_WITHDRAWN';

/** A difference that looks like a finding and must not become one. */
export interface Trap {
  trap: TrapKind;
  subjectCode: string;
  nationalCode: string;
  note: string;
}

export interface Manifest {
  seed: number;
  unitCode: string;
  procedures: number;
  listings: number;
  dossiers: number;
  findings: ExpectedFinding[];
  traps: Trap[];
  /** Agencies with active listings and not one dossier (plan task 14), by code; the planted ones among them. */
  agenciesWithoutDossiers: string[];
  idleAgencies: string[];
  /** The agency brought onto iGate at a date (plan task 11) and the local day of its first dossier. */
  onboarding: { agencyCode: string; from: string; firstDossier: string | null } | null;
}

/** One listing the simulated province publishes, and how it departs from the national record. */
export interface ListingSlot {
  code: string;
  id: string;
  /** World procedure index it publishes (past the catalogue: a code the national DB lacks). */
  procIndex: number;
  status: 0 | 1;
  updatedAt: number;
  /** Working days between the ministry's decision and the province's. */
  decisionDays: number;
  nationCodeNull?: boolean;
  name?: string;
  time?: { channel: Channel; value: number; unit: TimeUnit };
  feeFactor?: { channel: Channel; factor: number };
  addLevel?: Level;
  onlineLevel?: OnlineLevel;
  extraLegalBasis?: boolean;
  lowerLegalNumbers?: boolean;
  dropZeroFees?: boolean;
}

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
