/**
 * Form 06 over `dossier_fact_month` (migration Migration20261201150000_dossier_fact_month):
 * the same figures as form06.sql.ts, summed from month-grain counts instead of counted
 * dossier by dossier. Exact only for periods of whole months (every named period), and the
 * counts are kept per agency and channel, so it serves groupings by agency or level with
 * filters on agency, level and channel; anything else goes to the fact-backed statement.
 */
import { daysInMonth } from '../../domain/time';
import { AGENCY_VIEW_SQL } from '../agency';
import {
  agencyScope,
  type Figure,
  type Form06Query,
  form06Statement,
  isRolled,
  listFilter,
} from './form06.sql';

/** A month's number in the rollup: year × 12 + month − 1. */
const monthOf = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;

/** True when the period starts on a month's first day and ends on a month's last day. */
export function isWholeMonths(from: string, to: string): boolean {
  const lastDay = daysInMonth(Number(to.slice(0, 4)), Number(to.slice(5, 7)));
  return from.slice(8) === '01' && Number(to.slice(8)) === lastDay;
}

/** Whether the month rollup can answer the query exactly. */
export function monthRollupServes(q: Form06Query): boolean {
  const f = q.filter ?? {};
  return (
    isWholeMonths(q.period.from, q.period.to) &&
    (q.groupBy === 'AGENCY' || q.groupBy === 'LEVEL') &&
    !f.sector &&
    !f.procedure
  );
}

/**
 * Each figure as a sum over the rollup's rows, for the period's months [F, T] (p.f, p.t).
 * The conditions are those of form06.sql.ts, with days replaced by months (the migration
 * says why each is exact); overdue is in progress minus within deadline.
 */
function figureSums(q: Form06Query): Record<Exclude<Figure, 'inProgressOverdue'>, string> {
  const cls = q.rule === 'NATIONAL' ? 'N' : 'P';
  const within = q.rule === 'NATIONAL' ? 'WN' : 'WP';
  const C = `x.family = 'C' and x.a_month <= p.t and (x.e_month is null or x.e_month >= p.f)`;
  const resolvedAs = (c: string) =>
    `x.family = '${cls}' and x.e_month between p.f and p.t and (x.a_month is null or x.a_month <= p.t) and x.timeliness = '${c}'`;
  const sums = {
    received: C,
    carriedOver: `${C} and x.a_month < p.f`,
    newOnline: `${C} and x.a_month >= p.f and x.channel = 'ONLINE'`,
    newDirect: `${C} and x.a_month >= p.f and x.channel = 'DIRECT'`,
    newPostal: `${C} and x.a_month >= p.f and x.channel = 'POSTAL'`,
    resolved: `${C} and x.end_kind = 'COMPLETED' and x.e_month <= p.t`,
    resolvedEarly: resolvedAs('EARLY'),
    resolvedOnTime: resolvedAs('ON_TIME'),
    resolvedLate: resolvedAs('LATE'),
    withdrawn: `${C} and x.end_kind = 'WITHDRAWN' and x.e_month <= p.t`,
    inProgress: `${C} and (x.e_month is null or x.e_month > p.t)`,
    inProgressWithinDeadline: `x.family = '${within}' and x.months @> p.t`,
    waitingSupplement: `x.family = 'S' and x.months @> p.t`,
    refusedAtReception: `x.family = 'R' and x.a_month between p.f and p.t`,
    undated: `${C} and x.undated`,
  };
  return sums;
}

/** The statement over the rollup; null when monthRollupServes(q) is false. */
export function form06MonthSql(q: Form06Query): { sql: string; params: unknown[] } | null {
  if (!monthRollupServes(q)) return null;
  const params: unknown[] = [monthOf(q.period.from), monthOf(q.period.to)];
  const f = q.filter ?? {};
  const scope = agencyScope(f, params);
  const where = [
    ...(f.agency ? ['x.agency_code in (select code from scope)'] : []),
    ...listFilter(f.level, 'ag.level', params),
    ...listFilter(f.channel, 'x.channel', params),
  ];
  const sums = figureSums(q);
  const columns = Object.entries(sums).map(
    ([k, cond]) => `coalesce(sum(x.n) filter (where ${cond}), 0)::int as "${k}"`,
  );
  // Only the rows some figure of the period reads: each belongs to a counted or refused
  // dossier, so a group here is a key form 06 shows a row for.
  const rule = q.rule === 'NATIONAL' ? { cls: 'N', within: 'WN' } : { cls: 'P', within: 'WP' };
  const relevant = `((x.family = 'C' and x.a_month <= p.t and (x.e_month is null or x.e_month >= p.f))
      or (x.family = '${rule.cls}' and x.e_month between p.f and p.t and (x.a_month is null or x.a_month <= p.t))
      or (x.family in ('${rule.within}', 'S') and x.months @> p.t)
      or (x.family = 'R' and x.a_month between p.f and p.t))`;
  const groupKey = isRolled(q) ? 'agency_code' : 'group_key';
  const key = q.groupBy === 'LEVEL' ? 'ag.level' : 'x.agency_code';
  const needsAgency = q.groupBy === 'LEVEL' || Boolean(f.level);
  const head = `with recursive p as (select ?::int as f, ?::int as t),
    agencies as (${AGENCY_VIEW_SQL})${scope},
    summed as (
      select ${key} as ${groupKey}, ${columns.join(',\n      ')}
      from dossier_fact_month x cross join p
      ${needsAgency ? 'left join agencies ag on ag.code = x.agency_code' : ''}
      where ${relevant}${where.map((w) => ` and ${w}`).join('')}
      group by 1
    )`;
  const per = `select s.*, s."inProgress" - s."inProgressWithinDeadline" as "inProgressOverdue" from summed s`;
  return { sql: form06Statement(q, head, per), params };
}
