/** The national record as the graph reads it: only the selected fields' columns, as a plain object. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { readQuery } from '../../db/sql';
import { type ColumnPlan, col, type FieldReaders, instant, orNull } from '../../graph/columns';
import type { NationalProcedure } from './procedure.types';

type Row = Record<string, unknown>;

export const NATIONAL_READERS: FieldReaders<NationalProcedure, Row> = {
  code: col('code'),
  name: col('name'),
  status: col('in_force', (v) => (v ? 'IN_FORCE' : 'ABOLISHED')),
  abolishedAt: col('abolished_at', instant),
  procedureType: col('procedure_type', orNull),
  updatedAt: col('source_updated_at', (v) => instant(v) as Date),
  publishingAgencyCode: col('publishing_agency_code', orNull),
  decision: col('decision', (v) => {
    const d = v as
      | (Omit<NonNullable<NationalProcedure['decision']>, 'date'> & { date: string | null })
      | null;
    return d ? { ...d, date: instant(d.date) } : null;
  }),
  sectors: col('sectors'),
  levels: col('levels'),
  agencies: col('agencies'),
  subjects: col('subjects'),
  channels: col('channels'),
  results: col('results'),
  legalBases: col('legal_bases'),
  requirements: col('requirements', orNull),
  description: col('description', orNull),
  unreadableFields: col('issues', (v) =>
    (v as { field: string; reason: string }[]).map((i) => ({ field: i.field, reason: i.reason })),
  ),
  syncedAt: col('updated_at', (v) => instant(v) as Date),
  deletedAt: col('deleted_at', instant),
};

/** National records by code, in one statement. Tombstoned records still answer. */
export async function nationalByCodes(
  em: EntityManager,
  codes: readonly string[],
  plan: ColumnPlan<NationalProcedure, Row>,
): Promise<NationalProcedure[]> {
  const rows = await readQuery(
    em,
    `select ${plan.columns.map((c) => `p.${c}`).join(', ')} from national_procedure p where p.code = any(?::text[])`,
    [[...codes]],
  );
  return rows.map((r) => plan.build(r));
}
