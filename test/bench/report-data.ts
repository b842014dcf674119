/**
 * Bulk report data for the benchmarks, made by SQL generate_series (a million rows in
 * seconds, not a sync): 241 agencies in a tree (30 departments, 10 districts of 20 communes),
 * 500 listings in 40 sectors, and dossiers accepted over `years` years ending 2020-12-31
 * (one million a year), every one with an appointment, a tenth with supplements.
 */
import type { Client } from 'pg';

export async function seedReportWorld(pg: Client): Promise<void> {
  await pg.query(`insert into igate_agency (code, name, level, parent_code, content_hash)
    select 'G' || lpad(k::text, 3, '0'),
      case when k <= 30 then 'Sở ' || k when k <= 40 then 'UBND huyện ' || k else 'UBND xã ' || k end,
      case when k <= 30 then 'PROVINCE' when k <= 40 then 'DISTRICT' else 'COMMUNE' end,
      case when k > 40 then 'G' || lpad((31 + k % 10)::text, 3, '0') end, 'bench'
    from generate_series(1, 240) k`);
  await pg.query(`insert into provincial_listing (code, external_id, national_code, national_code_inferred, name,
      search_text, sector_code, sector, levels, agency_codes, agencies, channels, legal_bases, active, source_updated_at, issues, content_hash)
    select 'L' || j, 'L' || j, 'N' || j, false, 'Thủ tục ' || j, 'thu tuc ' || j, 'S' || (j % 40),
      jsonb_build_object('code', 'S' || (j % 40), 'name', 'Lĩnh vực ' || (j % 40)), '{PROVINCE}', '{}', '[]',
      '[{"channel":"DIRECT","times":[{"value":5,"unit":"WORKING_DAY","description":null}],"fees":[]}]', '[]', true, now(), '[]', 'bench'
    from generate_series(1, 500) j`);
}

/** Dossiers numbered [first, last], in one statement (the report table's triggers included). */
export async function insertDossiers(pg: Client, first: number, last: number, years: number): Promise<void> {
  await pg.query(
    `insert into dossier (code, external_id, listing_code, national_code, agency_code, status, source_status_id,
        channel, applied_at, accepted_at, appointment_at, completed_at, returned_at, withdrawn_at, supplements,
        supplement_count, rating_value, source_updated_at, content_hash)
    select 'B' || lpad(g.i::text, 9, '0'), 'B' || g.i, 'L' || (1 + g.i % 500), 'N' || (1 + g.i % 500),
      'G' || lpad((1 + g.i % 240)::text, 3, '0'),
      case when g.r4 < 0.75 then 'RETURNED' when g.r4 < 0.8 then 'WITHDRAWN' when g.r4 < 0.82 then 'STOPPED'
           when g.r4 < 0.84 then 'NOT_RECEIVED' else 'PROCESSING' end, 0,
      case when g.r2 < 0.4 then 'ONLINE' when g.r2 < 0.9 then 'DIRECT' else 'POSTAL' end,
      t.accepted - interval '2 hours', t.accepted,
      date_trunc('day', t.accepted + (3 + floor(g.r3 * 20)) * interval '1 day') + interval '10 hours',
      case when g.r4 < 0.75 or (g.r4 >= 0.8 and g.r4 < 0.82) then t.accepted + g.r5 * interval '25 days' end,
      null,
      case when g.r4 >= 0.75 and g.r4 < 0.8 then t.accepted + g.r5 * interval '10 days' end,
      case when g.r3 < 0.1 then jsonb_build_array(jsonb_build_object('requestedAt', t.accepted + interval '1 day',
             'receivedAt', t.accepted + interval '3 days'))
           when g.r3 < 0.13 then jsonb_build_array(
             jsonb_build_object('requestedAt', t.accepted + interval '1 day', 'receivedAt', t.accepted + interval '2 days'),
             jsonb_build_object('requestedAt', t.accepted + interval '4 days', 'receivedAt', null))
           else '[]'::jsonb end,
      case when g.r3 < 0.1 then 1 when g.r3 < 0.13 then 2 else 0 end,
      case when g.r5 < 0.3 then 1 + (g.i % 3) end, now(), 'bench'
    from (select i, random() r1, random() r2, random() r3, random() r4, random() r5
          from generate_series($1::int, $2::int) i) g
    cross join lateral (select timestamptz '2021-01-01 00:00+07' - ($3::int * 365 + 20) * interval '1 day'
      + g.r1 * ($3::int * 365 + 20) * interval '1 day' as accepted) t`,
    [first, last, years],
  );
}

/**
 * `size` dossiers loaded the way a bulk import would be: the secondary indexes of `dossier`
 * and `dossier_fact` dropped and the report triggers off while the rows go in (B-tree
 * upkeep in random key order and the per-statement fact upsert took ~4.5 min per million
 * under load), then the facts made by refresh_dossier_facts in chunks of codes (the same
 * SQL the triggers run) with the month rollups' triggers off, the rollups made from them in
 * one grouped insert each (rebuild_dossier_fact_month and rebuild_dossier_fact_month_listing,
 * the same keys their triggers add), the
 * indexes rebuilt from their own definitions, `vacuum analyze`.
 * The tables end exactly as a trigger-by-trigger load would leave them.
 */
export async function loadDossiers(pg: Client, size: number, years: number, chunk: number): Promise<void> {
  const { rows: indexes } = await pg.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
     where i.schemaname = current_schema() and i.tablename in ('dossier', 'dossier_fact')
       and not exists (select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
  );
  for (const ix of indexes) await pg.query(`drop index "${ix.name}"`);
  await pg.query('alter table dossier disable trigger user');
  try {
    for (let first = 1; first <= size; first += chunk) {
      await insertDossiers(pg, first, Math.min(size, first + chunk - 1), years);
    }
  } finally {
    await pg.query('alter table dossier enable trigger user');
  }
  await pg.query('analyze dossier');
  await pg.query('alter table dossier_fact disable trigger user');
  try {
    for (let first = 1; first <= size; first += chunk) {
      await pg.query(
        `select refresh_dossier_facts(array(select 'B' || lpad(i::text, 9, '0') from generate_series($1::int, $2::int) i))`,
        [first, Math.min(size, first + chunk - 1)],
      );
    }
  } finally {
    await pg.query('alter table dossier_fact enable trigger user');
  }
  await pg.query('select rebuild_dossier_fact_month()');
  await pg.query('select rebuild_dossier_fact_month_listing()');
  for (const ix of indexes) await pg.query(ix.def);
  await pg.query('vacuum analyze');
}

/**
 * Form 06 for [from, to] under PROVINCIAL, grouped by agency with roll-up, by one
 * hand-written query over the raw dossier rows (no report table): the baseline. It reads
 * only appointment dates, which every bench dossier has.
 */
export const RAW_FORM06_SQL = `with recursive p as (select $1::date as f, $2::date as t),
  raw as (
    select d.agency_code, d.channel, d.status, d.supplements,
      (d.accepted_at at time zone 'Asia/Ho_Chi_Minh')::date as a,
      (d.applied_at at time zone 'Asia/Ho_Chi_Minh')::date as applied,
      (d.appointment_at at time zone 'Asia/Ho_Chi_Minh')::date as due,
      case when d.status = 'STOPPED' then null else coalesce(d.completed_at, d.returned_at) end as c,
      case when d.status = 'STOPPED' then null else d.withdrawn_at end as w
    from dossier d where d.deleted_at is null
  ),
  ended as materialized (
    select r.*, case when c is not null and (w is null or c <= w) then 'C' when w is not null then 'W' end as kind,
      (case when c is not null and (w is null or c <= w) then c else w end at time zone 'Asia/Ho_Chi_Minh')::date as e
    from raw r
  ),
  b as (
    select x.*, (x.status <> 'NOT_RECEIVED' and x.a is not null and x.a <= p.t and (x.e is null or x.e >= p.f)) as counted,
      (x.status = 'NOT_RECEIVED' and x.applied between p.f and p.t) as refused, p.f, p.t
    from ended x cross join p
    where (x.status <> 'NOT_RECEIVED' and x.a is not null and x.a <= p.t and (x.e is null or x.e >= p.f))
       or (x.status = 'NOT_RECEIVED' and x.applied between p.f and p.t)
  ),
  fl as (
    select b.agency_code, counted as received, counted and a < f as carried,
      counted and a >= f and channel = 'ONLINE' as n_online, counted and a >= f and channel = 'DIRECT' as n_direct,
      counted and a >= f and channel = 'POSTAL' as n_postal,
      counted and kind = 'C' and e <= t as resolved,
      counted and kind = 'C' and e <= t and e < due as early, counted and kind = 'C' and e <= t and e = due as on_time,
      counted and kind = 'C' and e <= t and e > due as late,
      counted and kind = 'W' and e <= t as withdrawn,
      counted and (e is null or e > t) as in_progress,
      counted and (e is null or e > t) and (due is null or due >= t) as within,
      counted and (e is null or e > t) and not (due is null or due >= t) as overdue,
      counted and (e is null or e > t) and exists (select 1 from jsonb_to_recordset(b.supplements)
        as s("requestedAt" timestamptz, "receivedAt" timestamptz)
        where (s."requestedAt" at time zone 'Asia/Ho_Chi_Minh')::date <= t
          and (s."receivedAt" is null or (s."receivedAt" at time zone 'Asia/Ho_Chi_Minh')::date > t)) as waiting,
      refused, counted and due is null as undated
    from b
  ),
  up(descendant, ancestor, path) as (
    select d.code, d.code, array[d.code] from (select distinct agency_code as code from fl where agency_code is not null) d
    union all
    select up.descendant, a.parent_code, up.path || a.parent_code from up join igate_agency a on a.code = up.ancestor
    where a.parent_code is not null and not a.parent_code = any(up.path)
  ),
  keyed as (select coalesce(up.ancestor, 'UNKNOWN') as key, fl.* from fl left join up on up.descendant = fl.agency_code)
  select key, count(*) filter (where received)::int as received, count(*) filter (where carried)::int as carried_over,
    count(*) filter (where n_online)::int as new_online, count(*) filter (where n_direct)::int as new_direct,
    count(*) filter (where n_postal)::int as new_postal, count(*) filter (where resolved)::int as resolved,
    count(*) filter (where early)::int as early, count(*) filter (where on_time)::int as on_time,
    count(*) filter (where late)::int as late, count(*) filter (where withdrawn)::int as withdrawn,
    count(*) filter (where in_progress)::int as in_progress, count(*) filter (where within)::int as within,
    count(*) filter (where overdue)::int as overdue, count(*) filter (where waiting)::int as waiting,
    count(*) filter (where refused)::int as refused, count(*) filter (where undated)::int as undated
  from keyed group by key
  union all
  select 'TOTAL', count(*) filter (where received)::int, count(*) filter (where carried)::int,
    count(*) filter (where n_online)::int, count(*) filter (where n_direct)::int, count(*) filter (where n_postal)::int,
    count(*) filter (where resolved)::int, count(*) filter (where early)::int, count(*) filter (where on_time)::int,
    count(*) filter (where late)::int, count(*) filter (where withdrawn)::int, count(*) filter (where in_progress)::int,
    count(*) filter (where within)::int, count(*) filter (where overdue)::int, count(*) filter (where waiting)::int,
    count(*) filter (where refused)::int, count(*) filter (where undated)::int
  from fl`;
