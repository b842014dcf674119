/** The findings filter as the address holds it (lists as comma-separated values). */
import { SEVERITIES as DOMAIN_SEVERITIES, FINDING_KINDS, FINDING_STATUSES } from '../../../../domain/finding';
import type { FindingFilter, FindingKind, FindingStatus, Severity } from '../../graphql/generated';

// The domain's own lists (src/domain, which the console may import), in its order: the
// filters offer exactly the values the graph accepts, and a new kind appears by itself.
export const KINDS: readonly FindingKind[] = FINDING_KINDS;
export const SEVERITIES: readonly Severity[] = DOMAIN_SEVERITIES;
export const STATUSES: readonly FindingStatus[] = FINDING_STATUSES;

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
