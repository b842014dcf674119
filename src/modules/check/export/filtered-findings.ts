/** The findings of a graph filter (the console's current filter), for an export, in export order. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../../db/sql';
import type { FindingFilter } from '../check.args';
import { findingWhere } from '../finding.queries';
import type { ExportFinding } from './columns';

export async function findingsForExport(
  em: EntityManager,
  filter: FindingFilter | null | undefined,
  /** The caller's agency scope (a key limited to an agency exports only its findings). */
  agencyCodes: readonly string[] | null = null,
): Promise<ExportFinding[]> {
  const where = findingWhere(filter, agencyCodes);
  const rows = await query<ExportFinding>(
    em,
    `select f.id::text as id, f.kind, f.severity, f.status, f.subject_code as "subjectCode",
            f.national_code as "nationalCode", f.field, f.channel, f.agency_code as "agencyCode",
            f.national_value as "nationalValue", f.provincial_value as "provincialValue", f.rule,
            f.first_seen_at as "firstSeenAt", f.last_seen_at as "lastSeenAt"
       from finding f where ${where.sql.join(' and ')}
      order by f.kind, array_position(array['HIGH','MEDIUM','LOW','INFO'], f.severity), f.subject_code collate "C", f.field, f.channel`,
    where.params,
  );
  return rows.map((r) => ({
    ...r,
    firstSeenAt: new Date(r.firstSeenAt),
    lastSeenAt: new Date(r.lastSeenAt),
  }));
}
