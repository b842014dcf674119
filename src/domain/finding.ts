/**
 * The vocabulary of consistency findings (domain.md, "Consistency findings"). Defined once
 * here as values; the graph registers them and the check module's entities list them.
 */
import type { Source, ValueOf } from './model';

export const FindingKind = {
  MISSING_IN_PROVINCE: 'MISSING_IN_PROVINCE',
  MISSING_IN_NATIONAL: 'MISSING_IN_NATIONAL',
  ABOLISHED_BUT_LISTED: 'ABOLISHED_BUT_LISTED',
  NAME_MISMATCH: 'NAME_MISMATCH',
  PROCESSING_TIME_MISMATCH: 'PROCESSING_TIME_MISMATCH',
  FEE_MISMATCH: 'FEE_MISMATCH',
  LEVEL_MISMATCH: 'LEVEL_MISMATCH',
  ONLINE_LEVEL_MISMATCH: 'ONLINE_LEVEL_MISMATCH',
  LEGAL_BASIS_MISMATCH: 'LEGAL_BASIS_MISMATCH',
  PUBLICATION_LATE: 'PUBLICATION_LATE',
  DUPLICATE_LISTING: 'DUPLICATE_LISTING',
  DOSSIER_UNKNOWN_PROCEDURE: 'DOSSIER_UNKNOWN_PROCEDURE',
  DOSSIER_ON_ABOLISHED_PROCEDURE: 'DOSSIER_ON_ABOLISHED_PROCEDURE',
  FEEDBACK_UNKNOWN_REFERENCE: 'FEEDBACK_UNKNOWN_REFERENCE',
} as const;
export type FindingKind = ValueOf<typeof FindingKind>;
export const FINDING_KINDS: readonly FindingKind[] = Object.values(FindingKind);

export const Severity = { HIGH: 'HIGH', MEDIUM: 'MEDIUM', LOW: 'LOW', INFO: 'INFO' } as const;
export type Severity = ValueOf<typeof Severity>;
/** Most severe first. */
export const SEVERITIES: readonly Severity[] = Object.values(Severity);

export const FindingStatus = {
  OPEN: 'OPEN',
  ACKNOWLEDGED: 'ACKNOWLEDGED',
  WONT_FIX: 'WONT_FIX',
  RESOLVED: 'RESOLVED',
  REOPENED: 'REOPENED',
} as const;
export type FindingStatus = ValueOf<typeof FindingStatus>;
export const FINDING_STATUSES: readonly FindingStatus[] = Object.values(FindingStatus);

export const CheckTrigger = {
  SCHEDULE: 'SCHEDULE',
  AFTER_SYNC: 'AFTER_SYNC',
  GRAPH: 'GRAPH',
  CLI: 'CLI',
} as const;
export type CheckTrigger = ValueOf<typeof CheckTrigger>;

/** QUEUED and RUNNING: a run an api replica queued for a worker (src/sync/queue.ts). */
export const CheckRunStatus = {
  QUEUED: 'QUEUED',
  RUNNING: 'RUNNING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
} as const;
export type CheckRunStatus = ValueOf<typeof CheckRunStatus>;

/**
 * The sources each kind reads. A kind runs only when the latest sync of every one of them
 * succeeded ("Checks compare only what was read completely").
 */
export const KIND_SOURCES: Record<FindingKind, readonly Source[]> = {
  MISSING_IN_PROVINCE: ['NATIONAL', 'IGATE'],
  MISSING_IN_NATIONAL: ['NATIONAL', 'IGATE'],
  ABOLISHED_BUT_LISTED: ['NATIONAL', 'IGATE'],
  NAME_MISMATCH: ['NATIONAL', 'IGATE'],
  PROCESSING_TIME_MISMATCH: ['NATIONAL', 'IGATE'],
  FEE_MISMATCH: ['NATIONAL', 'IGATE'],
  LEVEL_MISMATCH: ['NATIONAL', 'IGATE'],
  ONLINE_LEVEL_MISMATCH: ['NATIONAL', 'IGATE'],
  LEGAL_BASIS_MISMATCH: ['NATIONAL', 'IGATE'],
  PUBLICATION_LATE: ['NATIONAL', 'IGATE'],
  DUPLICATE_LISTING: ['IGATE'],
  DOSSIER_UNKNOWN_PROCEDURE: ['IGATE'],
  DOSSIER_ON_ABOLISHED_PROCEDURE: ['NATIONAL', 'IGATE'],
  // A reference is known when any portal knows it: the national catalogue, iGate's
  // listings, dossiers and agencies.
  FEEDBACK_UNKNOWN_REFERENCE: ['PAKN', 'NATIONAL', 'IGATE'],
};

/** The one non-null key a finding is known by across runs: `(kind, subjectCode, field, channel)`. */
export function findingIdentity(
  kind: FindingKind,
  subjectCode: string,
  field: string | null,
  channel: string | null,
): string {
  return `${kind}|${subjectCode}|${field ?? ''}|${channel ?? ''}`;
}
