/**
 * A small read API for other modules (the plan's indicators): open findings (every status
 * but RESOLVED) by kind, for agencies and a period of last sight.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../db/sql';
import type { FindingKind, Severity } from '../../domain/finding';

export interface OpenFindingsQuery {
  kinds?: readonly FindingKind[];
  /** Agency codes; the findings concerning any of them. */
  agencies?: readonly string[];
  /** Seen by a check run in [seenFrom, seenTo). */
  seenFrom?: Date;
  seenTo?: Date;
}

function where(q: OpenFindingsQuery): { sql: string; params: unknown[] } {
  const sql = [`status <> 'RESOLVED'`];
  const params: unknown[] = [];
  if (q.kinds?.length) {
    sql.push('kind in (select jsonb_array_elements_text(?::jsonb))');
    params.push(JSON.stringify(q.kinds));
  }
  if (q.agencies?.length) {
    sql.push('agency_code in (select jsonb_array_elements_text(?::jsonb))');
    params.push(JSON.stringify(q.agencies));
  }
  if (q.seenFrom) {
    sql.push('last_seen_at >= ?');
    params.push(q.seenFrom);
  }
  if (q.seenTo) {
    sql.push('last_seen_at < ?');
    params.push(q.seenTo);
  }
  return { sql: sql.join(' and '), params };
}

/** Counts by kind and severity. */
export function openFindingCounts(
  em: EntityManager,
  q: OpenFindingsQuery = {},
): Promise<Array<{ kind: FindingKind; severity: Severity; count: number }>> {
  const w = where(q);
  return query(
    em,
    `select kind, severity, count(*)::int as count from finding where ${w.sql} group by kind, severity order by kind, severity`,
    w.params,
  );
}

/** The findings themselves, newest seen first. */
export function openFindings(
  em: EntityManager,
  q: OpenFindingsQuery & { limit?: number } = {},
): Promise<
  Array<{
    id: string;
    kind: FindingKind;
    severity: Severity;
    subjectCode: string;
    nationalCode: string | null;
    agencyCode: string | null;
    lastSeenAt: Date;
  }>
> {
  const w = where(q);
  return query(
    em,
    `select id::text as id, kind, severity, subject_code as "subjectCode", national_code as "nationalCode",
            agency_code as "agencyCode", last_seen_at as "lastSeenAt"
       from finding where ${w.sql} order by last_seen_at desc, id desc limit ?`,
    [...w.params, q.limit ?? 1000],
  );
}
