/**
 * Channel-by-channel kinds over COMPARED_PAIRS: processing times and fees, on each
 * channel both sides have (several entries of one channel on a side count as one).
 */
import type { KindCheck } from './kind';
import { noParams } from './kind';
import { comparedPairs } from './sql';

/** One row per (pair, channel both sides have), with each side's entries of that channel. */
function sharedChannels(): string {
  return `shared as (
    select l.code, n.code as national_code, l.agency_codes[1] as agency_code, l.sector_code, lc.ch,
           lc.entries as provincial_entries, nc.entries as national_entries
      from ${comparedPairs(`cross join lateral (
          select c->>'channel' as ch, jsonb_agg(c) as entries
            from jsonb_array_elements(l.channels) c group by c->>'channel') lc
        join lateral (
          select jsonb_agg(c) as entries
            from jsonb_array_elements(n.channels) c where c->>'channel' = lc.ch having count(*) > 0) nc on true`)}
  )`;
}

/** Readable times of a channel's entries: `20 WORKING_DAY, 15 WORKING_DAY`. */
function readableTimes(entries: string): string {
  return `(select string_agg((t->>'value') || ' ' || (t->>'unit'), ', ' order by (t->>'unit'), (t->>'value')::numeric)
      from jsonb_array_elements(${entries}) e, jsonb_array_elements(e->'times') t
     where jsonb_typeof(t->'value') = 'number' and jsonb_typeof(t->'unit') = 'string')`;
}

/**
 * A listing time differs when it equals none of the national times of its channel.
 * Among the national times in its unit: HIGH if longer than every one, INFO if shorter
 * than every one, MEDIUM in between; none in its unit: MEDIUM. One finding per channel,
 * with the most severe of its differing times. Unreadable times (no value or unit) are
 * compared with nothing; a channel without a readable national time is not judged.
 */
export const processingTimeMismatch: KindCheck = {
  kind: 'PROCESSING_TIME_MISMATCH',
  params: noParams,
  sql: `with ${sharedChannels()},
    times as (
      select s.*, (t->>'value')::numeric as v, t->>'unit' as u,
             (select array_agg((nt->>'value')::numeric) from jsonb_array_elements(s.national_entries) ne,
                     jsonb_array_elements(ne->'times') nt
               where jsonb_typeof(nt->'value') = 'number' and nt->>'unit' = t->>'unit') as same_unit,
             exists (select 1 from jsonb_array_elements(s.national_entries) ne, jsonb_array_elements(ne->'times') nt
                      where jsonb_typeof(nt->'value') = 'number' and jsonb_typeof(nt->'unit') = 'string') as judged,
             exists (select 1 from jsonb_array_elements(s.national_entries) ne, jsonb_array_elements(ne->'times') nt
                      where (nt->>'value')::numeric = (t->>'value')::numeric and nt->>'unit' = t->>'unit') as equal
        from shared s, jsonb_array_elements(s.provincial_entries) e, jsonb_array_elements(e->'times') t
       where jsonb_typeof(t->'value') = 'number' and jsonb_typeof(t->'unit') = 'string'
    ),
    differing as (
      select t.*, case
          when t.same_unit is null then 2
          when t.v > (select max(x) from unnest(t.same_unit) x) then 3
          when t.v < (select min(x) from unnest(t.same_unit) x) then 1
          else 2 end as rank
        from times t where t.judged and not t.equal
    )
    select 'PROCESSING_TIME_MISMATCH', d.code, d.national_code, 'processingTime', d.ch, d.agency_code, d.sector_code,
        ${readableTimes('d.national_entries')}, ${readableTimes('d.provincial_entries')},
        (select jsonb_agg(e->'times') from jsonb_array_elements(d.national_entries) e),
        (select jsonb_agg(e->'times') from jsonb_array_elements(d.provincial_entries) e),
        case max(d.rank)
          when 3 then 'The province''s processing time is longer than every national time for this channel.'
          when 1 then 'The province''s processing time is shorter than every national time for this channel.'
          else 'The province''s processing time equals no national time for this channel (another unit, or between them).' end,
        case max(d.rank) when 3 then 'HIGH' when 1 then 'INFO' else 'MEDIUM' end
      from differing d
     group by d.code, d.national_code, d.ch, d.agency_code, d.sector_code, d.national_entries, d.provincial_entries`,
};

/** Positive amounts of a channel's fee lines, sorted; `distinctLines` counts a repeated line once. */
function amounts(entries: string, distinctLines: boolean): string {
  const lines = distinctLines
    ? `select distinct (f->>'amount')::numeric as a, f->>'description' as d
         from jsonb_array_elements(${entries}) e, jsonb_array_elements(e->'fees') f
        where (f->>'amount')::numeric > 0`
    : `select (f->>'amount')::numeric as a
         from jsonb_array_elements(${entries}) e, jsonb_array_elements(e->'fees') f
        where (f->>'amount')::numeric > 0`;
  return `array(select x.a from (${lines}) x order by x.a)`;
}

/**
 * On a channel both sides have, the multisets of positive amounts differ (0 is no fee).
 * The national amounts are every positive line of the channel (the mapper gathers both
 * PHILEPHI placements and every THOIGIAN item), a line met twice counted once.
 */
export const feeMismatch: KindCheck = {
  kind: 'FEE_MISMATCH',
  params: noParams,
  sql: `with ${sharedChannels()},
    compared as (
      select s.*, ${amounts('s.national_entries', true)} as national_amounts,
             ${amounts('s.provincial_entries', false)} as provincial_amounts
        from shared s
    )
    select 'FEE_MISMATCH', c.code, c.national_code, 'fees', c.ch, c.agency_code, c.sector_code,
        coalesce(nullif(array_to_string(c.national_amounts, ', '), ''), 'none'),
        coalesce(nullif(array_to_string(c.provincial_amounts, ', '), ''), 'none'),
        (select jsonb_agg(e->'fees') from jsonb_array_elements(c.national_entries) e),
        (select jsonb_agg(e->'fees') from jsonb_array_elements(c.provincial_entries) e),
        'The positive fee amounts on this channel differ between the national record and the listing.',
        'HIGH'
      from compared c
     where c.national_amounts <> c.provincial_amounts`,
};
