/** The findings filter as the address holds it (lists as comma-separated values). */
import type { FindingFilter, FindingKind, FindingStatus, Severity } from '../../graphql/generated';

export const KINDS: FindingKind[] = [
  'MISSING_IN_PROVINCE',
  'MISSING_IN_NATIONAL',
  'NAME_MISMATCH',
  'PROCESSING_TIME_MISMATCH',
  'FEE_MISMATCH',
  'LEVEL_MISMATCH',
  'ONLINE_LEVEL_MISMATCH',
  'LEGAL_BASIS_MISMATCH',
  'PUBLICATION_LATE',
  'ABOLISHED_BUT_LISTED',
  'DUPLICATE_LISTING',
  'DOSSIER_UNKNOWN_PROCEDURE',
  'DOSSIER_ON_ABOLISHED_PROCEDURE',
  'FEEDBACK_UNKNOWN_REFERENCE',
];
export const SEVERITIES: Severity[] = ['HIGH', 'MEDIUM', 'LOW', 'INFO'];
export const STATUSES: FindingStatus[] = ['OPEN', 'REOPENED', 'ACKNOWLEDGED', 'WONT_FIX', 'RESOLVED'];

function listOf<T extends string>(value: string | null, allowed: readonly T[]): T[] | undefined {
  const picked = (value ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
  return picked.length ? picked : undefined;
}

export function filterFromParams(params: URLSearchParams): FindingFilter {
  const agency = params.get('agency');
  const sector = params.get('sector');
  return {
    kind: listOf(params.get('kind'), KINDS),
    severity: listOf(params.get('severity'), SEVERITIES),
    status: listOf(params.get('status'), STATUSES),
    agency: agency ? [agency] : undefined,
    sector: sector ? [sector] : undefined,
  };
}
