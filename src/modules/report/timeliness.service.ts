/** Dossiers' timeliness for the graph, one statement per batch of dossiers. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../db/sql';
import type { DueSource, TimelinessRule, TimelinessStatus } from './report.enums';
import { stateAtSql } from './timeliness.sql';
import type { DossierTimeliness } from './timeliness.types';

interface FactRow {
  code: string;
  status: TimelinessStatus | null;
  due_at: Date | null;
  due_source: DueSource | null;
  effective_due_at: Date | null;
  supplement_count: number;
}

/** One answer per code, in order; null for a code with no live dossier. */
export async function timelinessOf(
  em: EntityManager,
  codes: readonly string[],
  rule: TimelinessRule,
  asOf: string,
): Promise<(DossierTimeliness | null)[]> {
  const rows = await query<FactRow>(
    em,
    `with p as (select ?::date as t)
     select f.code, ${stateAtSql(rule, 'f', 'p.t')} as status, f.due_at, f.due_source,
       ${rule === 'NATIONAL' ? 'f.national_due_at' : 'f.due_at'} as effective_due_at, f.supplement_count
     from dossier_fact f cross join p where f.code = any(?::text[])`,
    [asOf, [...codes]],
  );
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return codes.map((code) => {
    const r = byCode.get(code);
    if (!r) return null;
    return {
      rule,
      asOf,
      status: r.status,
      dueAt: r.due_at ? new Date(r.due_at) : null,
      dueSource: r.due_source,
      effectiveDueAt: r.effective_due_at ? new Date(r.effective_due_at) : null,
      supplementRequests: Number(r.supplement_count),
    };
  });
}
