/**
 * Form 06 as one statement over `dossier_fact` (domain.md, "The dossier report"): the
 * counted and refused dossiers of the period, their figures per row key, and the total row
 * over the same dossiers counted once. Rolled up, an agency's row counts its subtree
 * through the agency hierarchy (a recursive walk that stops at cycles).
 */
import { AGENCY_VIEW_SQL } from '../agency';
import type { Period } from './period';
import type { ReportGrouping, TimelinessRule } from './report.enums';
import { classColumn, withinDeadlineSql } from './timeliness.sql';

export interface Form06Filter {
  agency?: string[] | null;
  sector?: string[] | null;
  level?: string[] | null;
  procedure?: string[] | null;
  channel?: string[] | null;
}

export interface Form06Query {
  period: Period;
  groupBy: ReportGrouping;
  rule: TimelinessRule;
  rollUp: boolean;
  filter?: Form06Filter | null;
}

/** The key of a row whose dossiers have no value for the grouping (no agency, no sector …). */
export const UNKNOWN_KEY = 'UNKNOWN';

/** Figure columns, in the graph's order; each is a count of flagged dossiers. */
export const FIGURES = [
  'received',
  'carriedOver',
  'newOnline',
  'newDirect',
  'newPostal',
  'resolved',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'withdrawn',
  'inProgress',
  'inProgressWithinDeadline',
  'inProgressOverdue',
  'waitingSupplement',
  'refusedAtReception',
  'undated',
] as const;
export type Figure = (typeof FIGURES)[number];

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A row's key over a relation `x` shaped like dossier_fact, with `l` its listing and `ag` its agency. */
export function keySql(groupBy: ReportGrouping): string {
  switch (groupBy) {
    case 'AGENCY':
      return 'x.agency_code';
    case 'SECTOR':
      return 'l.sector_code';
    case 'LEVEL':
      return 'ag.level';
    case 'PROCEDURE':
      return 'coalesce(l.national_code, x.national_code)';
  }
}

function labelSql(groupBy: ReportGrouping): string {
  switch (groupBy) {
    case 'AGENCY':
      return `(select a.name from agencies a where a.code = r.key)`;
    case 'SECTOR':
      return `coalesce((select s.name from national_sector s where s.code = r.key),
        (select l.sector->>'name' from provincial_listing l where l.sector_code = r.key and l.sector->>'name' is not null
          order by l.deleted_at nulls first, l.code limit 1))`;
    case 'PROCEDURE':
      return `coalesce((select n.name from national_procedure n where n.code = r.key),
        (select l.name from provincial_listing l where l.national_code = r.key order by l.deleted_at nulls first, l.code limit 1))`;
    case 'LEVEL':
      return 'null::text';
  }
}

/** The filter's agency scope (the asked agencies' subtrees) as a CTE, its parameter pushed. */
export function agencyScope(f: Form06Filter, params: unknown[]): string {
  if (!f.agency) return '';
  params.push(f.agency);
  return `, scope(code, path) as (
      select c.code, array[c.code] from unnest(?::text[]) as c(code)
      union all
      select a.code, s.path || a.code from scope s join agencies a on a.parent_code = s.code
      where not a.code = any(s.path))`;
}

/** `column = any(?)` for a filter's list, its parameter pushed; nothing when the list is absent. */
export function listFilter(values: string[] | null | undefined, column: string, params: unknown[]): string[] {
  if (!values) return [];
  params.push(values);
  return [`${column} = any(?::text[])`];
}

export const SUMS = FIGURES.map((k) => `coalesce(sum("${k}"), 0)::int as "${k}"`).join(',\n    ');

/**
 * The statement around `per` (one row per agency when rolled up, else per row key in
 * `group_key`, with every figure as a column): rolled up the agency tree, keyed, labelled,
 * and summed into the total row (each dossier is in exactly one group of `per`, so the
 * total still counts it once). `head` holds the CTEs `per` reads (p, agencies, scope).
 */
export function form06Statement(q: Form06Query, head: string, per: string): string {
  const f = q.filter ?? {};
  const rolled = isRolled(q);
  // Filtered by agency, rolled-up rows stop at the asked agencies: their ancestors are
  // outside what was asked (and, for a key limited to an agency, outside its scope).
  const keyed = rolled
    ? `keyed as (
      select coalesce(up.ancestor, '${UNKNOWN_KEY}') as key, g.* from per g
      left join up on up.descendant = g.agency_code${f.agency ? ' and up.ancestor in (select code from scope)' : ''})`
    : `keyed as (select coalesce(g.group_key, '${UNKNOWN_KEY}') as key, g.* from per g)`;
  const up = rolled
    ? `, up(descendant, ancestor, path) as (
      select d.code, d.code, array[d.code] from (select agency_code as code from per where agency_code is not null) d
      union all
      select up.descendant, a.parent_code, up.path || a.parent_code from up join agencies a on a.code = up.ancestor
      where a.parent_code is not null and not a.parent_code = any(up.path))`
    : '';
  return `${head},
    per as (${per})${up},
    ${keyed},
    r as (select key, ${SUMS} from keyed group by key)
    select * from (
      select r.*, ${labelSql(q.groupBy)} as label, false as is_total from r
      union all
      select 'TOTAL', ${SUMS}, 'Tổng cộng', true from per
    ) u order by is_total, key collate "C"`;
}

/** Rows per agency, rolled up the tree afterwards: AGENCY with roll-up. */
export const isRolled = (q: Form06Query) => q.rollUp && q.groupBy === 'AGENCY';

/** The SQL and its parameters. Rows come back ordered by key, the total row (key TOTAL) last. */
export function form06Sql(q: Form06Query): { sql: string; params: unknown[] } {
  const params: unknown[] = [q.period.from, q.period.to];
  const f = q.filter ?? {};
  const scope = agencyScope(f, params);
  const where = [
    ...(f.agency ? ['x.agency_code in (select code from scope)'] : []),
    ...listFilter(f.sector, 'l.sector_code', params),
    ...listFilter(f.level, 'ag.level', params),
    ...listFilter(f.procedure, 'coalesce(l.national_code, x.national_code)', params),
    ...listFilter(f.channel, 'x.channel', params),
  ];

  const within = withinDeadlineSql(q.rule, 'x', 'p.t');
  const cls = classColumn(q.rule, 'x');
  // Each figure is a condition on one fact row; the dates are stored as local days, so these
  // are plain comparisons, cheap enough to write out in every figure.
  const COUNTED = 'x.received and x.accepted_day <= p.t and (x.end_day is null or x.end_day >= p.f)';
  const OPEN = 'x.end_day is null or x.end_day > p.t';
  const REFUSED = 'x.refused and x.applied_day between p.f and p.t';
  const flags: Record<Figure, string> = {
    received: `(${COUNTED})`,
    carriedOver: `(${COUNTED}) and x.accepted_day < p.f`,
    newOnline: `(${COUNTED}) and x.accepted_day >= p.f and x.channel = 'ONLINE'`,
    newDirect: `(${COUNTED}) and x.accepted_day >= p.f and x.channel = 'DIRECT'`,
    newPostal: `(${COUNTED}) and x.accepted_day >= p.f and x.channel = 'POSTAL'`,
    resolved: `(${COUNTED}) and x.end_kind = 'COMPLETED' and x.end_day <= p.t`,
    resolvedEarly: `(${COUNTED}) and x.end_kind = 'COMPLETED' and x.end_day <= p.t and ${cls} = 'EARLY'`,
    resolvedOnTime: `(${COUNTED}) and x.end_kind = 'COMPLETED' and x.end_day <= p.t and ${cls} = 'ON_TIME'`,
    resolvedLate: `(${COUNTED}) and x.end_kind = 'COMPLETED' and x.end_day <= p.t and ${cls} = 'LATE'`,
    withdrawn: `(${COUNTED}) and x.end_kind = 'WITHDRAWN' and x.end_day <= p.t`,
    inProgress: `(${COUNTED}) and (${OPEN})`,
    inProgressWithinDeadline: `(${COUNTED}) and (${OPEN}) and ${within}`,
    inProgressOverdue: `(${COUNTED}) and (${OPEN}) and not ${within}`,
    waitingSupplement: `(${COUNTED}) and (${OPEN}) and coalesce(x.waiting_days @> p.t, false)`,
    refusedAtReception: `(${REFUSED})`,
    undated: `(${COUNTED}) and x.due_at is null`,
  };
  const flagColumns = FIGURES.map((k) => `(${flags[k]}) as ${snake(k)}`).join(',\n      ');
  const counts = FIGURES.map((k) => `count(*) filter (where ${snake(k)})::int as "${k}"`).join(',\n    ');

  // One pass over the facts, counted per agency (rolled up) or per row key.
  const groupColumn = isRolled(q) ? 'agency_code' : 'group_key';
  // Only the joins the grouping or the filter needs: form 06 by agency reads dossier_fact alone.
  const needsListing =
    q.groupBy === 'SECTOR' || q.groupBy === 'PROCEDURE' || Boolean(f.sector || f.procedure);
  const needsAgency = q.groupBy === 'LEVEL' || Boolean(f.level);
  const head = `with recursive p as (select ?::date as f, ?::date as t),
    agencies as (${AGENCY_VIEW_SQL})${scope},
    flagged as (
      select x.agency_code, ${keySql(q.groupBy)} as group_key,
      ${flagColumns}
      from dossier_fact x cross join p
      ${needsListing ? 'left join provincial_listing l on l.code = x.listing_code' : ''}
      ${needsAgency ? 'left join agencies ag on ag.code = x.agency_code' : ''}
      where ((${COUNTED}) or (${REFUSED}))${where.map((w) => ` and ${w}`).join('')}
    )`;
  const per = `select ${groupColumn}, ${counts} from flagged group by ${groupColumn}`;
  return { sql: form06Statement(q, head, per), params };
}
