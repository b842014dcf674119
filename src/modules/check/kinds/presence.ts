/**
 * Kinds about whether a procedure is there at all: MISSING_IN_PROVINCE,
 * MISSING_IN_NATIONAL, ABOLISHED_BUT_LISTED, DUPLICATE_LISTING (domain.md table).
 */
import type { KindCheck } from './kind';
import { noParams } from './kind';
import { localDay, publicationDeadline } from './sql';

/**
 * In force, no active listing, and the run's local day is after the ministry's decision
 * day + 5 working days. No decision date: at once. A decision before the calendar's
 * first year: its deadline has long passed (the calendar starts years before any run).
 */
export const missingInProvince: KindCheck = {
  kind: 'MISSING_IN_PROVINCE',
  params: (ctx) => [ctx.asOf],
  sql: `select 'MISSING_IN_PROVINCE', n.code, n.code, null, null, n.agency_codes[1], n.sector_codes[1],
      n.name, null,
      jsonb_build_object('inForce', n.in_force, 'decisionDate', n.decision_date, 'decision', n.decision),
      coalesce((select jsonb_agg(jsonb_build_object('code', x.code, 'active', x.active) order by x.code)
                  from provincial_listing x where x.national_code = n.code and x.deleted_at is null), '[]'::jsonb),
      case when n.decision_date is null
        then 'In force for the province with no active provincial listing, and the national record has no decision date.'
        else format('In force for the province with no active provincial listing; the ministry''s decision of %s had to be published by %s (5 working days).',
                    ${localDay('n.decision_date')}, coalesce(p.deadline::text, 'a day before the calendar'))
      end,
      'HIGH'
    from national_procedure n
    left join ${publicationDeadline('n.decision_date')} p on true
    where n.deleted_at is null and n.in_force
      and not exists (select 1 from provincial_listing x
                       where x.national_code = n.code and x.deleted_at is null and x.active)
      and (n.decision_date is null
           or ${localDay('?::timestamptz')} > p.deadline
           or (p.decision_day is null and ${localDay('n.decision_date')} < (select min(day) from calendar_day)))`,
};

export const missingInNational: KindCheck = {
  kind: 'MISSING_IN_NATIONAL',
  params: noParams,
  sql: `select 'MISSING_IN_NATIONAL', l.code, l.national_code, null, null, l.agency_codes[1], l.sector_code,
      null, l.name,
      null, jsonb_build_object('nationalCode', l.national_code, 'nationalCodeInferred', l.national_code_inferred, 'name', l.name),
      format('Active provincial listing of %s, a code the national database does not return.', l.national_code),
      'HIGH'
    from provincial_listing l
    where l.deleted_at is null and l.active
      and not exists (select 1 from national_procedure n where n.code = l.national_code and n.deleted_at is null)`,
};

export const abolishedButListed: KindCheck = {
  kind: 'ABOLISHED_BUT_LISTED',
  params: noParams,
  sql: `select 'ABOLISHED_BUT_LISTED', l.code, n.code, 'status', null, l.agency_codes[1], l.sector_code,
      case when n.abolished_at is null then 'ABOLISHED' else 'ABOLISHED ' || ${localDay('n.abolished_at')} end,
      'ACTIVE',
      jsonb_build_object('TRANGTHAI', 0, 'NGAYBAIBO', n.abolished_at), jsonb_build_object('status', 1),
      'The national record is abolished (TRANGTHAI 0) but the provincial listing is still active (status 1).',
      'HIGH'
    from provincial_listing l
    join national_procedure n on n.code = l.national_code and n.deleted_at is null and not n.in_force
    where l.deleted_at is null and l.active`,
};

/** Two or more active listings of one national code sharing an implementing agency. */
export const duplicateListing: KindCheck = {
  kind: 'DUPLICATE_LISTING',
  params: noParams,
  sql: `select 'DUPLICATE_LISTING', d.national_code, d.national_code, null, null, min(d.agency), null,
      null, string_agg(distinct c, ', '),
      null, jsonb_agg(distinct jsonb_build_object('agency', d.agency, 'listings', d.codes)),
      format('%s active listings of %s share an implementing agency.', count(distinct c), d.national_code),
      'MEDIUM'
    from (select l.national_code, a as agency, array_agg(distinct l.code order by l.code) as codes
            from provincial_listing l, unnest(l.agency_codes) a
           where l.deleted_at is null and l.active
           group by l.national_code, a
          having count(distinct l.code) > 1) d, unnest(d.codes) c
    group by d.national_code`,
};
