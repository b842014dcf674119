/**
 * The simulated province's entities: the truth every simulator serves its own view of.
 * Instants are epoch milliseconds; calendar days are `YYYY-MM-DD` local days.
 */
import type { Channel, Level, LocalDate, OnlineLevel, TimeUnit } from '../../../src/domain/model';

export type AgencyKind = 'PROVINCE_COMMITTEE' | 'DEPARTMENT' | 'DISTRICT_COMMITTEE' | 'COMMUNE_COMMITTEE';

export interface WorldAgency {
  /** Electronic identifier code, `000.00.12.H21`. */
  code: string;
  name: string;
  level: Exclude<Level, 'MINISTRY'>;
  kind: AgencyKind;
  parentCode: string | null;
  /** iGate's own id (24 hex characters, Mongo style). */
  externalId: string;
  parentExternalId: string | null;
}

export interface WorldMinistry {
  code: string;
  name: string;
  abbreviation: string;
}

export interface WorldSector {
  code: string;
  name: string;
  /** Publishing ministry (`MANGANH`). */
  ministryCode: string;
  externalId: string;
  /** Agencies that implement its province-level procedures. */
  departmentCodes: string[];
}

/** A ministry's publication decision (`LayQDCB`). */
export interface WorldDecision {
  index: number;
  id: string;
  number: string;
  /** Local midnight of the decision day. */
  date: number;
  ministryCode: string;
  issuer: string;
}

export interface WorldLegalBasis {
  number: string;
  title: string;
  issuedDate: LocalDate;
  issuer: string;
}

export interface WorldFee {
  code: string;
  amount: number;
  description: string;
}

export interface WorldTime {
  /** Decimal (0.5 happens). */
  value: number;
  unit: TimeUnit;
  description: string;
}

export interface WorldChannel {
  channel: Channel;
  times: WorldTime[];
  /** Empty: no fee. An amount of 0 is a stated "no fee" line. */
  fees: WorldFee[];
}

export interface WorldDocument {
  code: string;
  name: string;
  originals: number;
  copies: number;
}

export interface WorldDocumentCase {
  /** Empty string: the general case. */
  name: string;
  documents: WorldDocument[];
}

export interface WorldCodeName {
  code: string;
  name: string;
}

/** What listing a procedure needs, cheap to compute for every index. */
export interface WorldProcedureHeader {
  index: number;
  /** National code, `2.000477`. */
  code: string;
  name: string;
  updatedAt: number;
  inForce: boolean;
  abolishedAt: number | null;
}

export interface WorldProcedure extends WorldProcedureHeader {
  /** National database's own id (`ID`). */
  id: string;
  /** The real procedure name it derives from (variants add a suffix). */
  baseName: string;
  /** LOAITTHC */
  type: number;
  ministryCode: string;
  decisionId: string;
  sector: WorldCodeName;
  levels: Level[];
  agencies: WorldCodeName[];
  subjects: WorldCodeName[];
  channels: WorldChannel[];
  documentCases: WorldDocumentCase[];
  results: WorldCodeName[];
  legalBases: WorldLegalBasis[];
  requirements: string;
  description: string;
  /** What the one-stop portal offers online: INFO without an online channel. */
  onlineLevel: OnlineLevel;
}

export interface WorldOptions {
  seed?: number;
  /** Size of the procedure catalogue (default 2 000). */
  procedures?: number;
  /** Province unit code (default `H21`). */
  unitCode?: string;
}
