/**
 * Feedback figures (domain.md, "Feedback figures") as SQL: each item's deadlines read from its
 * `lichSu` transitions, the clock started at `ngayGui` or at the latest transfer before the
 * transition, n working days counted on `calendar_day`. A transition meets its deadline when
 * it happens on or before the n-th working day after the clock's start day (local days).
 */
import { AGENCY_VIEW_SQL } from '../agency';

/** The n-th working day after the local day `day` (a date expression); null past the calendar. */
const nthWorkingDay = (day: string, n: number) =>
  `(select w.day from calendar_day c join calendar_day w on w.is_working and w.working_index = c.working_index + ${n}
     where c.day = ${day})`;
const localDay = (instant: string) => `(${instant} at time zone 'Asia/Ho_Chi_Minh')::date`;

/**
 * An item's `lichSu` transitions as rows `e(status, at)`, read from the item's own history
 * array. Each lookup reads one item's few transitions; a shared CTE of every item's
 * transitions, filtered by code, made each lookup scan them all (seconds at 2,000 items).
 */
const events = (item: string) =>
  `jsonb_to_recordset(case when jsonb_typeof(${item}.history) = 'array' then ${item}.history else '[]' end)
     as e(status text, at timestamptz)`;

/**
 * One row per live feedback item that was sent, or had a transition, on or before the
 * period's last day, with its facts for the period [p.f, p.t]. Parameters: from, to, then
 * (when `withAgency`) an array of agency codes whose subtrees the items must belong to.
 */
export function feedbackFactsSql(withAgency: boolean): string {
  const scope = withAgency
    ? `, agencies as (${AGENCY_VIEW_SQL}),
      scope(code, path) as (
        select c.code, array[c.code] from unnest(?::text[]) as c(code)
        union all
        select a.code, s.path || a.code from scope s join agencies a on a.parent_code = s.code where not a.code = any(s.path))`
    : '';
  const clockStart = (t: string) =>
    `greatest(i.sent_at, (select max(e.at) from ${events('i')} where e.status = 'CHUYEN_DON_VI_KHAC' and e.at <= ${t}))`;
  const met = (t: string, n: number) =>
    `coalesce(${localDay(t)} <= ${nthWorkingDay(localDay(clockStart(t)), n)}, true)`;
  return `with recursive p as (select ?::date as f, ?::date as t)${scope},
    items as (
      select fb.* from feedback fb
      where fb.deleted_at is null${withAgency ? ' and fb.agency_code in (select code from scope)' : ''}
    ),
    firsts as (
      select i.code, i.sent_at, i.agency_code, i.agency_name, i.classification, i.channel, i.likes, i.dislikes,
        i.history,
        (select min(at) from ${events('i')} where e.status = 'TU_CHOI') as refused_at,
        (select min(at) from ${events('i')} where e.status = 'CHO_BO_SUNG') as supplement_at,
        (select min(at) from ${events('i')} where e.status in ('DA_TRA_LOI', 'DA_CONG_KHAI')) as answered_at,
        (select min(at) from ${events('i')} where e.status = 'DA_CONG_KHAI') as published_at,
        (select e.status from ${events('i')} cross join p where ${localDay('e.at')} <= p.t
          order by e.at desc limit 1) as status_at_end
      from items i
    ),
    facts as (
      select i.*, ${localDay('i.sent_at')} as sent_day,
        ${localDay('i.refused_at')} as refused_day, ${localDay('i.supplement_at')} as supplement_day,
        ${localDay('i.answered_at')} as answered_day, ${localDay('i.published_at')} as published_day,
        ${met('i.refused_at', 2)} as refused_met,
        ${met('i.supplement_at', 5)} as supplement_met,
        ${met('i.answered_at', 15)} as answered_met,
        coalesce(${localDay('i.published_at')} <= ${nthWorkingDay(localDay('i.answered_at'), 2)}, true) as published_met,
        case when i.refused_at is not null and (i.answered_at is null or i.refused_at <= i.answered_at)
          then 'REFUSED' when i.answered_at is not null then 'ANSWERED' end as closed_by,
        least(i.refused_at, i.answered_at) as closed_at,
        case coalesce(i.status_at_end, 'MOI_TIEP_NHAN')
          when 'MOI_TIEP_NHAN' then 'WAITING' when 'DANG_XU_LY' then 'IN_PROCESS' when 'CHO_BO_SUNG' then 'IN_PROCESS'
          else 'PROCESSED' end as group_at_end
      from firsts i
    )`;
}

/** A figure of an item in the period, as SQL over `facts` (alias x) and `p`. */
export const FEEDBACK_FLAGS = {
  received: 'x.sent_day between p.f and p.t',
  waiting: `x.sent_day between p.f and p.t and x.group_at_end = 'WAITING'`,
  inProcess: `x.sent_day between p.f and p.t and x.group_at_end = 'IN_PROCESS'`,
  processed: `x.sent_day between p.f and p.t and x.group_at_end = 'PROCESSED'`,
  closed: `${localDay('x.closed_at')} between p.f and p.t`,
  closedOnTime: `${localDay('x.closed_at')} between p.f and p.t
    and case x.closed_by when 'REFUSED' then x.refused_met else x.answered_met end`,
  refusedOnTime: 'x.refused_day between p.f and p.t and x.refused_met',
  refusedLate: 'x.refused_day between p.f and p.t and not x.refused_met',
  supplementOnTime: 'x.supplement_day between p.f and p.t and x.supplement_met',
  supplementLate: 'x.supplement_day between p.f and p.t and not x.supplement_met',
  answeredOnTime: 'x.answered_day between p.f and p.t and x.answered_met',
  answeredLate: 'x.answered_day between p.f and p.t and not x.answered_met',
  publishedOnTime: 'x.published_day between p.f and p.t and x.published_met',
  publishedLate: 'x.published_day between p.f and p.t and not x.published_met',
} as const;
export type FeedbackFlag = keyof typeof FEEDBACK_FLAGS;

/** Likes and dislikes summed over the items answered in the period. */
export const FEEDBACK_SUMS = {
  likes: 'case when x.answered_day between p.f and p.t then x.likes else 0 end',
  dislikes: 'case when x.answered_day between p.f and p.t then x.dislikes else 0 end',
} as const;

export function feedbackAggregates(): string {
  return [
    ...Object.entries(FEEDBACK_FLAGS).map(([k, e]) => `count(*) filter (where ${e})::int as "${k}"`),
    ...Object.entries(FEEDBACK_SUMS).map(([k, e]) => `coalesce(sum(${e}), 0)::int as "${k}"`),
  ].join(',\n    ');
}
