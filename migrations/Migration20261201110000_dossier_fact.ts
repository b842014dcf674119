import { Migration } from '@mikro-orm/migrations';

/**
 * `dossier_fact`: one narrow row per live dossier with the facts every timeliness rule reads
 * (domain.md, "When a dossier is on time"), as local days and instants, so form 06 and the
 * service index are one aggregate over it and no report loops over dossiers in Node.
 *
 * Statement-level triggers keep it current for every write to `dossier` (the sync's batched
 * upserts, tombstones, tests' inserts), for listing changes (a due date derived from a
 * listing's processing time) and for calendar changes (the same). Nothing else writes it.
 */
export class Migration20261201110000_dossier_fact extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "dossier_fact" (
      "code" text primary key,
      "agency_code" text null,
      "listing_code" text not null,
      "national_code" text not null,
      "channel" text not null,
      "received" boolean not null,
      "refused" boolean not null,
      "applied_day" date null,
      "accepted_day" date null,
      "end_kind" text null,
      "end_at" timestamptz null,
      "end_day" date null,
      "due_source" text null,
      "due_at" timestamptz null,
      "due_day" date null,
      "national_due_at" timestamptz null,
      "national_due_day" date null,
      "supplement_count" int not null,
      "waiting_days" datemultirange null,
      "national_pause_days" daterange null,
      "provincial_class" text null,
      "national_class" text null,
      "rating_value" int null)`);
    this.addSql(
      `create index "dossier_fact_accepted_day_index" on "dossier_fact" ("accepted_day") where "received";`,
    );
    this.addSql(`create index "dossier_fact_end_day_index" on "dossier_fact" ("end_day") where "received";`);
    this.addSql(
      `create index "dossier_fact_applied_day_index" on "dossier_fact" ("applied_day") where "refused";`,
    );

    // The due instant iGate would have set from a processing time (domain.md, "due"). Whole
    // working days: 17:00 on the n-th working day after the accepted day; a fraction rounds
    // up (a deadline is never shortened). Working hours: 08:00–17:00 on working days, as
    // domain.md says. DAY and MONTH: 17:00 on the day n days / months later. Null when the
    // calendar has no row for the day needed: the dossier is then undated, not guessed.
    this.addSql(`create function "dossier_derived_due_at"(accepted timestamptz, n numeric, unit text)
      returns timestamptz language sql stable as $$
      with a as (
        select (accepted at time zone 'Asia/Ho_Chi_Minh')::date as day,
               extract(epoch from (accepted at time zone 'Asia/Ho_Chi_Minh')
                 - (accepted at time zone 'Asia/Ho_Chi_Minh')::date::timestamp) / 3600.0 as hour
      ), c as (
        select a.day, a.hour, cd.is_working, cd.working_index from a join calendar_day cd on cd.day = a.day
      )
      select case
        when accepted is null or n is null or n < 0 then null
        when unit = 'WORKING_DAY' and ceil(n) = 0 then ((select day from a) + time '17:00') at time zone 'Asia/Ho_Chi_Minh'
        when unit = 'WORKING_DAY' then (
          select (w.day + time '17:00') at time zone 'Asia/Ho_Chi_Minh' from c join calendar_day w
            on w.is_working and w.working_index = c.working_index + ceil(n)::int)
        when unit = 'DAY' then ((select day from a) + ceil(n)::int + time '17:00') at time zone 'Asia/Ho_Chi_Minh'
        when unit = 'MONTH' then (((select day from a) + make_interval(months => ceil(n)::int))::date + time '17:00')
          at time zone 'Asia/Ho_Chi_Minh'
        when unit = 'HOUR' and n = 0 then accepted
        when unit = 'HOUR' then (
          select (w.day + make_interval(secs => round((8 + p.target - (ceil(p.target / 9) - 1) * 9) * 3600)))
                   at time zone 'Asia/Ho_Chi_Minh'
          from c
          cross join lateral (select (c.working_index - case when c.is_working then 1 else 0 end) * 9.0
              + case when c.is_working then least(greatest(c.hour - 8, 0), 9) else 0 end + n as target) p
          join calendar_day w on w.is_working and w.working_index = ceil(p.target / 9)::int)
      end
    $$;`);

    this.addSql(`create function "refresh_dossier_facts"(codes text[]) returns void language plpgsql as $$
    begin
      delete from dossier_fact f using unnest(codes) as c(code) where f.code = c.code;
      insert into dossier_fact
      with src as (
        select d.*,
          case when d.status = 'STOPPED' then null else coalesce(d.completed_at, d.returned_at) end as comp_at,
          case when d.status = 'STOPPED' then null else d.withdrawn_at end as wd_at
        from dossier d
        where d.code in (select unnest(codes)) and d.deleted_at is null
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
        left join provincial_listing l on e.appointment_at is null and l.code = e.listing_code and l.deleted_at is null
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
      from timed t;
    end $$;`);

    this.addSql(`create function "dossier_fact_after_dossier_write"() returns trigger language plpgsql as $$
    begin
      perform refresh_dossier_facts(array(select code from changed));
      return null;
    end $$;`);
    for (const [event, table] of [
      ['insert', 'new'],
      ['update', 'new'],
      ['delete', 'old'],
    ] as const) {
      this.addSql(`create trigger "dossier_fact_${event}" after ${event} on "dossier"
        referencing ${table} table as changed for each statement
        execute function dossier_fact_after_dossier_write();`);
    }
    this.addSql(`create function "dossier_fact_after_dossier_truncate"() returns trigger language plpgsql as $$
    begin
      -- delete, not truncate: a TRUNCATE naming both tables still holds dossier_fact here.
      delete from dossier_fact;
      return null;
    end $$;`);
    this.addSql(`create trigger "dossier_fact_truncate" after truncate on "dossier"
      for each statement execute function dossier_fact_after_dossier_truncate();`);

    // A listing's processing time is read only for dossiers without an appointment.
    this.addSql(`create function "dossier_fact_after_listing_write"() returns trigger language plpgsql as $$
    begin
      perform refresh_dossier_facts(array(
        select d.code from dossier d where d.appointment_at is null
          and d.listing_code in (select code from changed)));
      return null;
    end $$;`);
    for (const [event, table] of [
      ['insert', 'new'],
      ['update', 'new'],
      ['delete', 'old'],
    ] as const) {
      this.addSql(`create trigger "dossier_fact_listing_${event}" after ${event} on "provincial_listing"
        referencing ${table} table as changed for each statement
        execute function dossier_fact_after_listing_write();`);
    }

    // refreshCalendarTable runs at every start and usually changes nothing: only a real
    // change of working days recomputes the derived due dates.
    this.addSql(`create function "dossier_fact_after_calendar_write"() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from changed) then
        perform refresh_dossier_facts(array(
          select d.code from dossier d where d.appointment_at is null and d.accepted_at is not null));
      end if;
      return null;
    end $$;`);
    for (const [event, table] of [
      ['insert', 'new'],
      ['update', 'new'],
      ['delete', 'old'],
    ] as const) {
      this.addSql(`create trigger "dossier_fact_calendar_${event}" after ${event} on "calendar_day"
        referencing ${table} table as changed for each statement
        execute function dossier_fact_after_calendar_write();`);
    }

    // Dossiers synced before this migration.
    this.addSql(`select refresh_dossier_facts(array(select code from dossier));`);
  }
}
