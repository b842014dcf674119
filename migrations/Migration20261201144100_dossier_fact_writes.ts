import { Migration } from '@mikro-orm/migrations';

/**
 * `dossier_fact` kept current without slowing the sync (issue 11, write speed).
 *
 * The first triggers handed the changed codes to refresh_dossier_facts, which looked the
 * dossiers up again by code inside a PL/pgSQL function. PL/pgSQL caches that statement's
 * plan per connection, and the plan made while `dossier` was still empty (a sync's first
 * pages) scanned the whole table once per page: EXPLAIN ANALYZE of one 499-row page showed
 * a Nested Loop Semi Join over every dossier with `unnest(codes)` re-evaluated per row
 * (885,226 rows removed by the join filter at 2,000 dossiers, growing with the table), so
 * a full sync of 20k dossiers took 4.7× as long as without the triggers.
 *
 * Now the triggers read the written rows straight from the statement's transition table
 * (nothing is looked up in `dossier`), every statement is planned when it runs (EXECUTE:
 * the plan follows the tables as they are, never a cached one made when they were empty),
 * and the facts are upserted: a row whose facts did not change is not written at all.
 * refresh_dossier_facts(codes) stays, for listing and calendar changes and for tests.
 */
const FACT_COLUMNS = [
  'agency_code',
  'listing_code',
  'national_code',
  'channel',
  'received',
  'refused',
  'applied_day',
  'accepted_day',
  'end_kind',
  'end_at',
  'end_day',
  'due_source',
  'due_at',
  'due_day',
  'national_due_at',
  'national_due_day',
  'supplement_count',
  'waiting_days',
  'national_pause_days',
  'provincial_class',
  'national_class',
  'rating_value',
];

/**
 * The fact rows of the live dossier rows of `source` (a relation with the dossier table's
 * columns), upserted. The same rules as Migration20261201110000_dossier_fact, unchanged.
 */
function upsertFactsSql(source: string): string {
  const set = FACT_COLUMNS.map((c) => `"${c}" = excluded."${c}"`).join(', ');
  const old = FACT_COLUMNS.map((c) => `f."${c}"`).join(', ');
  const fresh = FACT_COLUMNS.map((c) => `excluded."${c}"`).join(', ');
  return `insert into dossier_fact as f
      with src as (
        select d.code, d.agency_code, d.listing_code, d.national_code, d.channel, d.status, d.applied_at,
          d.accepted_at, d.appointment_at, d.supplements, d.rating_value,
          case when d.status = 'STOPPED' then null else coalesce(d.completed_at, d.returned_at) end as comp_at,
          case when d.status = 'STOPPED' then null else d.withdrawn_at end as wd_at
        from ${source} d
        where d.deleted_at is null
      ), ended as (
        select s.*,
          case when s.comp_at is not null and (s.wd_at is null or s.comp_at <= s.wd_at) then 'COMPLETED'
               when s.wd_at is not null then 'WITHDRAWN' end as end_kind,
          case when s.comp_at is not null and (s.wd_at is null or s.comp_at <= s.wd_at) then s.comp_at
               else s.wd_at end as end_at
        from src s
      ), dued as (
        select e.*, x.due_at,
          case when e.appointment_at is not null then 'APPOINTMENT' when x.due_at is not null then 'LISTING' end
            as due_source,
          sup.n, sup.waiting, sup.req1, sup.recv1
        from ended e
        left join lateral (
          select l.channels from provincial_listing l
          where e.appointment_at is null and l.code = e.listing_code and l.deleted_at is null
        ) l on true
        left join lateral (
          select (tm.t->>'value')::numeric as value, tm.t->>'unit' as unit
          from jsonb_array_elements(coalesce(l.channels, '[]'::jsonb)) with ordinality as ch(c, i),
               jsonb_array_elements(coalesce(ch.c->'times', '[]'::jsonb)) with ordinality as tm(t, j)
          where ch.c->>'channel' = e.channel and tm.t->>'value' is not null and tm.t->>'unit' is not null
          order by ch.i, tm.j limit 1
        ) pt on true
        cross join lateral (select coalesce(e.appointment_at,
            case when e.accepted_at is not null then dossier_derived_due_at(e.accepted_at, pt.value, pt.unit) end)
          as due_at) x
        cross join lateral (
          select count(*)::int as n,
            range_agg(case when s."receivedAt" is null
                then daterange((s."requestedAt" at time zone 'Asia/Ho_Chi_Minh')::date, null)
                else daterange((s."requestedAt" at time zone 'Asia/Ho_Chi_Minh')::date,
                  greatest((s."requestedAt" at time zone 'Asia/Ho_Chi_Minh')::date,
                           (s."receivedAt" at time zone 'Asia/Ho_Chi_Minh')::date)) end)
              filter (where s."requestedAt" is not null) as waiting,
            min(s."requestedAt") as req1, min(s."receivedAt") as recv1
          from jsonb_to_recordset(case when jsonb_typeof(e.supplements) = 'array' then e.supplements else '[]' end)
            as s("requestedAt" timestamptz, "receivedAt" timestamptz)
        ) sup
      ), timed as (
        select q.*,
          case when q.due_at is null then null
               when q.n = 1 and q.req1 is not null and q.recv1 is not null
                 then q.due_at + greatest(q.recv1 - q.req1, interval '0')
               else q.due_at end as national_due_at
        from dued q
      )
      select t.code, t.agency_code, t.listing_code, t.national_code, t.channel,
        t.accepted_at is not null and t.status <> 'NOT_RECEIVED',
        t.status = 'NOT_RECEIVED',
        (t.applied_at at time zone 'Asia/Ho_Chi_Minh')::date,
        (t.accepted_at at time zone 'Asia/Ho_Chi_Minh')::date,
        t.end_kind, t.end_at, (t.end_at at time zone 'Asia/Ho_Chi_Minh')::date,
        t.due_source, t.due_at, (t.due_at at time zone 'Asia/Ho_Chi_Minh')::date,
        t.national_due_at, (t.national_due_at at time zone 'Asia/Ho_Chi_Minh')::date,
        t.n, t.waiting,
        case when t.n = 1 and t.req1 is not null and t.due_at is not null and t.req1 < t.due_at then
          case when t.recv1 is null then daterange((t.req1 at time zone 'Asia/Ho_Chi_Minh')::date, null)
               else daterange((t.req1 at time zone 'Asia/Ho_Chi_Minh')::date,
                 greatest((t.req1 at time zone 'Asia/Ho_Chi_Minh')::date,
                          (t.recv1 at time zone 'Asia/Ho_Chi_Minh')::date)) end
        end,
        case when t.end_kind is distinct from 'COMPLETED' then null
             when t.due_at is null then 'ON_TIME'
             when (t.end_at at time zone 'Asia/Ho_Chi_Minh')::date < (t.due_at at time zone 'Asia/Ho_Chi_Minh')::date
               then 'EARLY'
             when (t.end_at at time zone 'Asia/Ho_Chi_Minh')::date = (t.due_at at time zone 'Asia/Ho_Chi_Minh')::date
               then 'ON_TIME'
             else 'LATE' end,
        case when t.end_kind is distinct from 'COMPLETED' then null
             when t.n > 1 then 'LATE'
             when t.national_due_at is null then 'ON_TIME'
             when t.end_at > t.national_due_at then 'LATE'
             when (t.end_at at time zone 'Asia/Ho_Chi_Minh')::date
               < (t.national_due_at at time zone 'Asia/Ho_Chi_Minh')::date then 'EARLY'
             else 'ON_TIME' end,
        t.rating_value
      from timed t
      on conflict (code) do update set ${set}
      where (${old}) is distinct from (${fresh})`;
}

/** A PL/pgSQL string literal holding `sql`, for EXECUTE. */
const literal = (sql: string) => `$q$${sql}$q$`;

export class Migration20261201144100_dossier_fact_writes extends Migration {
  override async up(): Promise<void> {
    // By code: the dossiers' current rows; codes with no live dossier lose their facts.
    this.addSql(`create or replace function "refresh_dossier_facts"(codes text[]) returns void language plpgsql as $$
    begin
      execute 'delete from dossier_fact f where f.code = any($1)
        and not exists (select 1 from dossier d where d.code = f.code and d.deleted_at is null)' using codes;
      execute ${literal(upsertFactsSql('(select * from dossier where code = any($1)) '))} using codes;
    end $$;`);

    // Inserted and updated rows: the transition table is the rows as written.
    this.addSql(`create or replace function "dossier_fact_after_dossier_write"() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from changed where deleted_at is not null) then
        execute 'delete from dossier_fact f
          where f.code = any(array(select code from changed where deleted_at is not null))';
      end if;
      execute ${literal(upsertFactsSql('changed'))};
      return null;
    end $$;`);
    this.addSql(`create function "dossier_fact_after_dossier_delete"() returns trigger language plpgsql as $$
    begin
      execute 'delete from dossier_fact f where f.code = any(array(select code from changed))';
      return null;
    end $$;`);
    this.addSql(`drop trigger "dossier_fact_delete" on "dossier";`);
    this.addSql(`create trigger "dossier_fact_delete" after delete on "dossier"
      referencing old table as changed for each statement
      execute function dossier_fact_after_dossier_delete();`);

    // A listing's processing time is read only for live dossiers without an appointment;
    // planned when it runs, so dossier_listing_code_updated_index serves it.
    this.addSql(`create or replace function "dossier_fact_after_listing_write"() returns trigger language plpgsql as $$
    declare
      codes text[];
    begin
      execute 'select array(select d.code from dossier d where d.appointment_at is null and d.deleted_at is null
        and d.listing_code = any(array(select code from changed)))' into codes;
      if cardinality(codes) > 0 then perform refresh_dossier_facts(codes); end if;
      return null;
    end $$;`);
  }
}
