/**
 * Form 06 over the month rollups (migrations Migration20261201150000_dossier_fact_month,
 * Migration20261201220000_dossier_fact_month_listing): the same figures as form06.sql.ts,
 * summed from month-grain counts instead of counted dossier by dossier. Exact only for
 * periods of whole months (every named period). `dossier_fact_month` keeps the counts per
 * agency and channel, which serve groupings by agency or level with filters on agency,
 * level and channel; `dossier_fact_month_listing` the same families per listing, national
 * code and channel, which serve groupings by sector or procedure with filters on sector,
 * procedure and channel. Anything else (filters from both sides, days that are not whole
 * months) goes to the fact-backed statement.
 */
import { daysInMonth } from '../../domain/time';
import { AGENCY_VIEW_SQL } from '../agency';
import {
  agencyScope,
  FIGURES,
  type Figure,
  type Form06Query,
  form06Statement,
  isRolled,
  keySql,
  listFilter,
} from './form06.sql';

/** A month's number in the rollup: year × 12 + month − 1. */
const monthOf = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;

/** True when the period starts on a month's first day and ends on a month's last day. */
export function isWholeMonths(from: string, to: string): boolean {
  const lastDay = daysInMonth(Number(to.slice(0, 4)), Number(to.slice(5, 7)));
  return from.slice(8) === '01' && Number(to.slice(8)) === lastDay;
}

/** Which of the rollup's two sets of counts answers the query: by agency, by listing, or neither. */
function monthRollupSide(q: Form06Query): 'agency' | 'listing' | null {
  const f = q.filter ?? {};
  if (!isWholeMonths(q.period.from, q.period.to)) return null;
  const byAgency = q.groupBy === 'AGENCY' || q.groupBy === 'LEVEL';
  if (byAgency && !f.sector && !f.procedure) return 'agency';
  if (!byAgency && !f.agency && !f.level) return 'listing';
  return null;
}

/** One family's rows of the period, summed per agency into the figures it gives. */
interface FamilyPart {
  family: string;
  /** Which of the family's rows the period reads (besides last_month >= F). */
  rows: string;
  figures: Partial<Record<Figure, string>>;
}

/**
 * Each figure as a sum over one family's rows, for the period's months [F, T] (p.f, p.t).
 * The conditions are those of form06.sql.ts with days replaced by months (the migration
 * says why each is exact); overdue is in progress minus within deadline. Every row read
 * belongs to a counted or refused dossier, so an agency here is one form 06 has a row for.
 */
function familyParts(q: Form06Query): FamilyPart[] {
  const national = q.rule === 'NATIONAL';
  const resolvedAs = (c: string) => `x.timeliness = '${c}'`;
  return [
    {
      family: 'C',
      rows: 'x.a_month <= p.t',
      figures: {
        received: 'true',
        carriedOver: 'x.a_month < p.f',
        newOnline: `x.a_month >= p.f and x.channel = 'ONLINE'`,
        newDirect: `x.a_month >= p.f and x.channel = 'DIRECT'`,
        newPostal: `x.a_month >= p.f and x.channel = 'POSTAL'`,
        resolved: `x.end_kind = 'COMPLETED' and x.e_month <= p.t`,
        withdrawn: `x.end_kind = 'WITHDRAWN' and x.e_month <= p.t`,
        inProgress: 'x.e_month is null or x.e_month > p.t',
        undated: 'x.undated',
      },
    },
    {
      family: national ? 'N' : 'P',
      rows: 'x.e_month <= p.t and (x.a_month is null or x.a_month <= p.t)',
      figures: {
        resolvedEarly: resolvedAs('EARLY'),
        resolvedOnTime: resolvedAs('ON_TIME'),
        resolvedLate: resolvedAs('LATE'),
      },
    },
    {
      family: national ? 'WN' : 'WP',
      rows: 'x.months @> p.t',
      figures: { inProgressWithinDeadline: 'true' },
    },
    { family: 'S', rows: 'x.months @> p.t', figures: { waitingSupplement: 'true' } },
    { family: 'R', rows: 'x.a_month <= p.t', figures: { refusedAtReception: 'true' } },
  ];
}

/** Every figure but overdue, which is in progress minus within deadline. */
const SUMMED = FIGURES.filter((k) => k !== 'inProgressOverdue');

/** The statement over the rollup; null when neither set of counts answers the query exactly. */
export function form06MonthSql(q: Form06Query): { sql: string; params: unknown[] } | null {
  const side = monthRollupSide(q);
  if (!side) return null;
  const f = q.filter ?? {};
  const table = side === 'listing' ? 'dossier_fact_month_listing' : 'dossier_fact_month';
  const dims = side === 'listing' ? 'x.listing_code, x.national_code' : 'x.agency_code';
  // The channels ride in p: every family's part reads them.
  const params: unknown[] = [monthOf(q.period.from), monthOf(q.period.to), f.channel ?? null];
  const scope = agencyScope(f, params);
  const channel = f.channel ? ['x.channel = any(p.channels)'] : [];
  // Each family read on its own (its rows only evaluate its figures), through the index on
  // (family, last_month); the parts are then added up per agency.
  const parts = familyParts(q).map((part) => {
    const columns = SUMMED.map((k) =>
      part.figures[k] ? `sum(x.n) filter (where ${part.figures[k]}) as "${k}"` : `null::bigint as "${k}"`,
    );
    return `select ${dims}, ${columns.join(', ')}
      from ${table} x cross join p
      where x.family = '${part.family}' and x.last_month >= p.f and ${part.rows}${channel.map((w) => ` and ${w}`).join('')}
      group by ${dims}`;
  });
  // The joins and filters of the fact-backed statement, on the summed rows (x).
  const where = [
    ...(f.agency ? ['x.agency_code in (select code from scope)'] : []),
    ...listFilter(f.level, 'ag.level', params),
    ...listFilter(f.sector, 'l.sector_code', params),
    ...listFilter(f.procedure, 'coalesce(l.national_code, x.national_code)', params),
  ];
  const groupKey = isRolled(q) ? 'agency_code' : 'group_key';
  const needsAgency = q.groupBy === 'LEVEL' || Boolean(f.level);
  const join =
    side === 'listing'
      ? 'left join provincial_listing l on l.code = x.listing_code'
      : needsAgency
        ? 'left join agencies ag on ag.code = x.agency_code'
        : '';
  const head = `with recursive p as (select ?::int as f, ?::int as t, ?::text[] as channels),
    agencies as (${AGENCY_VIEW_SQL})${scope},
    summed as (
      select ${keySql(q.groupBy)} as ${groupKey}, ${SUMMED.map((k) => `coalesce(sum("${k}"), 0)::int as "${k}"`).join(', ')}
      from (${parts.join('\n      union all\n      ')}) x
      ${join}
      ${where.length ? `where ${where.join(' and ')}` : ''}
      group by 1
    )`;
  const per = `select s.*, s."inProgress" - s."inProgressWithinDeadline" as "inProgressOverdue" from summed s`;
  return { sql: form06Statement(q, head, per), params };
}
