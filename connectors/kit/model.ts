/**
 * The hub's normalized shapes. Every connector maps its portal's raw records into these,
 * so the sync layer stores like with like and the checks compare like with like.
 * Dates are JS Date instants; calendar days are LocalDate strings (YYYY-MM-DD, local time).
 */

export type Source = 'NATIONAL' | 'IGATE' | 'PAKN';
export type Channel = 'DIRECT' | 'ONLINE' | 'POSTAL';
export type TimeUnit = 'WORKING_DAY' | 'DAY' | 'HOUR' | 'MONTH';
export type Level = 'MINISTRY' | 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
export type OnlineLevel = 'INFO' | 'PARTIAL' | 'FULL';
/** A calendar day in Asia/Ho_Chi_Minh, `2020-06-30`. */
export type LocalDate = string;

/** A field the mapper could not read; the record is kept and the field marked unreadable. */
export interface FieldIssue {
  field: string;
  reason: string;
  value?: unknown;
}

export interface Fee {
  code: string | null;
  /** Integer đồng (VND). */
  amount: number;
  description: string | null;
}

export interface ProcessingTime {
  /** Decimal value (0.5 happens); null when unreadable. */
  value: number | null;
  /** Null when the upstream unit text is unknown (see the record's `issues`). */
  unit: TimeUnit | null;
  description: string | null;
}

/** Processing times and fees of one channel. */
export interface ChannelTerms {
  channel: Channel;
  times: ProcessingTime[];
  fees: Fee[];
}

export interface LegalBasis {
  number: string;
  title: string | null;
  issuedDate: LocalDate | null;
  issuer: string | null;
}

export interface CodeName {
  code: string;
  name: string;
}

export interface Decision {
  id: string | null;
  number: string | null;
  date: Date | null;
  issuer: string | null;
}

/** One procedure as the national database (CSDLQG TTHC) describes it. */
export interface NationalProcedureRecord {
  code: string;
  externalId: string | null;
  name: string;
  /** LOAITTHC */
  type: number | null;
  /** TRANGTHAI 1: in force; 0: abolished. */
  inForce: boolean;
  abolishedAt: Date | null;
  updatedAt: Date;
  publishingAgencyCode: string | null;
  decision: Decision | null;
  sectors: CodeName[];
  levels: Level[];
  agencies: CodeName[];
  subjects: CodeName[];
  channels: ChannelTerms[];
  documents: unknown[];
  results: CodeName[];
  legalBases: LegalBasis[];
  requirements: string | null;
  description: string | null;
  issues: FieldIssue[];
}

export interface AgencyRecord {
  code: string;
  name: string;
  level: Level | null;
  parentCode: string | null;
  /** The portal's own id, when it has one (iGate refers to parents by id). */
  externalId?: string | null;
  parentExternalId?: string | null;
}

export interface SectorRecord {
  code: string;
  name: string;
  industryCode: string | null;
}
