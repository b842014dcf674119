/** Indicators over the synced listings and national records (tasks 1, 2, 12). */
import { query } from '../../../db/sql';
import { inPeriod, listingInScope, localDay, scopeParams } from './sql';
import { type Figure, type IndicatorInput, ratio } from './types';

/**
 * Task 1: of the listings whose decision day falls in the period and whose national
 * record carries the ministry's decision date, those decided within 5 working days of
 * it (the deadline PUBLICATION_LATE checks; a day the calendar does not cover is left out).
 */
export async function publicationOnTime(input: IndicatorInput): Promise<Figure> {
  const [row] = await query<{ on_time: number; judged: number }>(
    input.em,
    `select count(*) filter (where x.listing_day <= p.deadline)::int as on_time, count(*)::int as judged
       from (select ${localDay('l.decision_date')} as listing_day, ${localDay('n.decision_date')} as ministry_day
               from provincial_listing l
               join national_procedure n on n.code = l.national_code and n.deleted_at is null
              where l.deleted_at is null and l.active and l.decision_date is not null
                and n.decision_date is not null and ${inPeriod('l.decision_date')} and ${listingInScope('l')}) x
       join lateral (select (select dl.day from calendar_day dl
                              where dl.working_index = cd.working_index + 5 and dl.is_working) as deadline
                       from calendar_day cd where cd.day = x.ministry_day) p on p.deadline is not null`,
    [input.from, input.to, ...scopeParams(input.scope)],
  );
  return ratio(row!.on_time, row!.judged);
}

/** Task 2: active listings whose national code the national database does not return. */
export async function nationalMissing(input: IndicatorInput): Promise<Figure> {
  const [row] = await query<{ missing: number; listings: number }>(
    input.em,
    `select count(*) filter (where not exists (
              select 1 from national_procedure n where n.code = l.national_code and n.deleted_at is null))::int as missing,
            count(*)::int as listings
       from provincial_listing l
      where l.deleted_at is null and l.active and ${listingInScope('l')}`,
    scopeParams(input.scope),
  );
  const { missing, listings } = row!;
  // A count with target 0, not a share: the active listings are said in the detail.
  return {
    value: listings ? missing : null,
    numerator: missing,
    denominator: null,
    detail: `of ${listings} active listings`,
  };
}

/** Task 12: active listings offered online, PARTIAL (level 3) or FULL (level 4). */
export async function onlineServices(input: IndicatorInput): Promise<Figure> {
  const [row] = await query<{ online: number; listings: number }>(
    input.em,
    `select count(*) filter (where l.online_level in ('PARTIAL', 'FULL'))::int as online, count(*)::int as listings
       from provincial_listing l
      where l.deleted_at is null and l.active and ${listingInScope('l')}`,
    scopeParams(input.scope),
  );
  return ratio(row!.online, row!.listings);
}
