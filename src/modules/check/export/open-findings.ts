/** The open findings (every status but RESOLVED) for an export, by kind, severity and subject. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../../db/sql';
import type { ExportFinding } from './columns';

export async function openFindingsForExport(em: EntityManager): Promise<ExportFinding[]> {
  const rows = await query<ExportFinding>(
    em,
    `select id::text as id, kind, severity, status, subject_code as "subjectCode", national_code as "nationalCode",
            field, channel, agency_code as "agencyCode", national_value as "nationalValue",
            provincial_value as "provincialValue", rule, first_seen_at as "firstSeenAt", last_seen_at as "lastSeenAt"
       from finding where status <> 'RESOLVED'
      order by kind, array_position(array['HIGH','MEDIUM','LOW','INFO'], severity), subject_code collate "C", field, channel`,
  );
  return rows.map((r) => ({
    ...r,
    firstSeenAt: new Date(r.firstSeenAt),
    lastSeenAt: new Date(r.lastSeenAt),
  }));
}
