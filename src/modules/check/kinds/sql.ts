/**
 * SQL fragments the kinds share. Every kind is one SELECT yielding SEEN_COLUMNS, in this
 * order; the runner inserts them into the run's `check_seen` table.
 */

export const SEEN_COLUMNS = [
  'kind',
  'subject_code',
  'national_code',
  'field',
  'channel',
  'agency_code',
  'sector_code',
  'national_value',
  'provincial_value',
  'national_raw',
  'provincial_raw',
  'rule',
  'severity',
] as const;

/** The local day (Asia/Ho_Chi_Minh, UTC+7 all year) of a timestamptz expression. */
export function localDay(expr: string): string {
  return `((${expr}) at time zone 'UTC' + interval '7 hours')::date`;
}

/** A timestamptz as local ISO 8601 with offset, for readable values. */
export function localIso(expr: string): string {
  return `to_char((${expr}) at time zone 'UTC' + interval '7 hours', 'YYYY-MM-DD"T"HH24:MI:SS"+07:00"')`;
}

/** The run's own instant, bound as the first parameter of every kind. */
export const AS_OF = `?::timestamptz`;

/**
 * The working day 5 working days after the local day of `decision` (a timestamptz), as
 * a LATERAL subquery yielding `decision_day` and `deadline` (null when the calendar does
 * not cover it). The n-th working day after d is the working day whose working_index is
 * working_index(d) + n (calendar_day, src/db/calendar-table.ts).
 */
export function publicationDeadline(decision: string): string {
  return `lateral (
    select cd.day as decision_day,
           (select dl.day from calendar_day dl
             where dl.working_index = cd.working_index + 5 and dl.is_working) as deadline
      from calendar_day cd where cd.day = ${localDay(decision)}
  )`;
}

/**
 * Listings compared field by field: active listings whose national record is in force
 * (domain.md: an abolished record's listing gives ABOLISHED_BUT_LISTED only; a withdrawn
 * listing nothing). Tombstoned rows are ones the portal no longer returns.
 */
export function comparedPairs(joins = ''): string {
  return `provincial_listing l
  join national_procedure n on n.code = l.national_code and n.deleted_at is null and n.in_force
  ${joins}
  where l.deleted_at is null and l.active`;
}

/** Both sides' normalized names and document numbers, as `tn` and `tl`. */
export const NORMALIZED_TEXT = `join check_text tn on tn.source = 'national_procedure' and tn.code = n.code
  join check_text tl on tl.source = 'provincial_listing' and tl.code = l.code`;

/** A sorted set of levels without MINISTRY (national CAPTHUCHIEN 0 has no iGate counterpart). */
export function levelSet(arrayExpr: string, dropMinistry: boolean): string {
  return `array(select distinct x from unnest(${arrayExpr}) x
    ${dropMinistry ? `where x <> 'MINISTRY'` : ''}
    order by x)`;
}

/** `PROVINCE, DISTRICT` from a sorted level set: the order of the government tiers. */
export function readableLevels(setExpr: string): string {
  return `array_to_string(array(select x from unnest(${setExpr}) x
    order by array_position(array['MINISTRY','PROVINCE','DISTRICT','COMMUNE'], x)), ', ')`;
}
