/** Task 11 over the synced dossiers: when an agency's first dossier came. */
import { query } from '../../../db/sql';
import { localDay } from './sql';
import type { Figure, IndicatorInput } from './types';

/**
 * Task 11: the lead agency's first dossier in iGate against the task's last day: 1 when
 * it came on or before it (or the task has no date and it came at all), else 0.
 */
export async function igateFirstDossier(input: IndicatorInput): Promise<Figure> {
  const leads = [...new Set(input.task.leads.flatMap((b) => (b.agencyCode ? [b.agencyCode] : [])))];
  const inScope = input.scope ? leads.filter((c) => input.scope!.includes(c)) : leads;
  if (inScope.length === 0) {
    return { value: null, numerator: null, denominator: null, detail: 'no lead body matches an agency' };
  }
  const rows = await query<{ agency_code: string; first_day: string | null }>(
    input.em,
    `select a.code as agency_code, min(${localDay('coalesce(d.accepted_at, d.applied_at)')})::text as first_day
       from unnest(?::text[]) as a(code)
       left join dossier d on d.agency_code = a.code and d.deleted_at is null
        and coalesce(d.accepted_at, d.applied_at) is not null
      group by a.code order by a.code`,
    [inScope],
  );
  const deadline = input.task.deadline.to;
  const onTime = rows.filter(
    (r) => r.first_day !== null && (deadline === null || r.first_day <= deadline),
  ).length;
  const firsts = rows.map((r) => r.first_day).filter((d): d is string => d !== null);
  return {
    value: onTime / rows.length,
    numerator: onTime,
    denominator: rows.length,
    date: firsts.length === rows.length ? firsts.sort().at(-1)! : null,
    detail: rows
      .map((r) => `${r.agency_code}: ${r.first_day ? `first dossier ${r.first_day}` : 'no dossier yet'}`)
      .join('; '),
  };
}
