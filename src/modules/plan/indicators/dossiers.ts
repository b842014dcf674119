/** Indicators over the synced dossiers (tasks 11, 13, 20). */
import { query } from '../../../db/sql';
import { quartersOf } from './quarters';
import { agencyInScope, inPeriod, localDay, scopeParams } from './sql';
import { type Figure, type IndicatorInput, ratio } from './types';

/** Received dossiers as form 06 counts them: an accepted date, not refused at reception. */
const RECEIVED = `d.deleted_at is null and d.accepted_at is not null and d.status <> 'NOT_RECEIVED'`;

/** Task 13: new online dossiers / new dossiers accepted in the period, and per quarter. */
export async function onlineShare(input: IndicatorInput): Promise<Figure> {
  const quarters = quartersOf(input.from, input.to);
  const rows = await query<{ quarter: number; online: number; total: number }>(
    input.em,
    `select q.i as quarter,
            count(d.code) filter (where d.channel = 'ONLINE')::int as online, count(d.code)::int as total
       from unnest(?::date[], ?::date[]) with ordinality as q(q_from, q_to, i)
       left join dossier d on ${RECEIVED} and ${localDay('d.accepted_at')} between q.q_from and q.q_to
        and ${agencyInScope('d.agency_code')}
      group by q.i order by q.i`,
    [quarters.map((q) => q.from), quarters.map((q) => q.to), ...scopeParams(input.scope)],
  );
  const online = rows.reduce((a, r) => a + r.online, 0);
  const total = rows.reduce((a, r) => a + r.total, 0);
  return {
    ...ratio(online, total),
    parts: rows.map((r, i) => ({ label: quarters[i]!.label, ...ratio(r.online, r.total) })),
  };
}

/** Task 20: ratings 1–2 / ratings on dossiers completed in the period (a STOPPED dossier never completed). */
export async function dossierSatisfaction(input: IndicatorInput): Promise<Figure> {
  const [row] = await query<{ satisfied: number; rated: number }>(
    input.em,
    `select count(*) filter (where d.rating_value in (1, 2))::int as satisfied, count(*)::int as rated
       from dossier d
      where d.deleted_at is null and d.status <> 'STOPPED' and d.rating_value is not null
        and ${inPeriod('coalesce(d.completed_at, d.returned_at)')} and ${agencyInScope('d.agency_code')}`,
    [input.from, input.to, ...scopeParams(input.scope)],
  );
  return ratio(row!.satisfied, row!.rated);
}

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
