import { Migration } from '@mikro-orm/migrations';

/**
 * `dossier_fact_month_listing` (issue 11): form 06 by SECTOR or PROCEDURE, or filtered by
 * sector or procedure, for whole months, summed from month-grain counts like the reports by
 * agency from `dossier_fact_month` (Migration20261201150000_dossier_fact_month says why each
 * day comparison is then a month comparison, and how the families C … R are keyed).
 *
 * A sector and a procedure are the dossier's listing's (`provincial_listing.sector_code`,
 * `coalesce(listing.national_code, dossier.national_code)`), read when the report runs. So
 * this table holds the same families, keyed by (listing_code, national_code) in place of
 * agency_code, and the report joins the listing to them as the fact-backed statement joins
 * it to dossier_fact: the same listing, read in the same statement, so the same figures. A
 * key with agency and listing together would have about as many rows as dossier_fact.
 *
 * A table of its own, not more rows in dossier_fact_month: there, the rows by listing (twice
 * as many as those by agency on the bench's 5M) spread each family's rows by agency over
 * three times the pages, and form 06 by agency at 5M went from 0.27 s to 0.66 s.
 * Statement-level triggers on dossier_fact keep it as dossier_fact_month's keep that one
 * (the same transition tables, key order, refusal of counts below 0). The key SQL is this
 * migration's own copy of the first one's (a landed migration is not edited).
 */

/** The rollup keys of every row of `source` (a relation shaped like dossier_fact), by listing. */
function factMonthKeysSql(source: string): string {
  return `select k.family, f.listing_code, f.national_code, f.channel, k.a_month, k.e_month, k.end_kind,
      k.timeliness, k.undated, k.months
    from ${source} f
    cross join lateral (select report_month(f.accepted_day) as a, report_month(f.end_day) as e) m
    cross join lateral (select case when m.a is null then '{}'::int4multirange
        when m.e is null then int4multirange(int4range(m.a, null))
        when m.e > m.a then int4multirange(int4range(m.a, m.e))
        else '{}'::int4multirange end as open) o
    cross join lateral (
      select 'C' as family, m.a as a_month, m.e as e_month, f.end_kind, null::text as timeliness,
        f.due_at is null as undated, null::int4multirange as months where f.received
      union all
      select 'P', case when m.e < m.a then m.a end, m.e, null, f.provincial_class, null, null
        where f.received and f.end_kind = 'COMPLETED'
      union all
      select 'N', case when m.e < m.a then m.a end, m.e, null, f.national_class, null, null
        where f.received and f.end_kind = 'COMPLETED'
      union all
      select 'WP', null, null, null, null, null, w.months from (select o.open *
          case when f.due_day is null then '{(,)}'::int4multirange
               else int4multirange(int4range(null, report_month(f.due_day + 1))) end as months) w
        where f.received and not isempty(w.months)
      union all
      select 'WN', null, null, null, null, null, w.months from (select o.open *
          case when f.supplement_count > 1 then '{}'::int4multirange
               when f.national_due_day is null then '{(,)}'::int4multirange
               else int4multirange(int4range(null, report_month(f.national_due_day)))
                 + case when f.national_pause_days is null or isempty(f.national_pause_days) then '{}'::int4multirange
                        else int4multirange(int4range(report_month(lower(f.national_pause_days)),
                          report_month(upper(f.national_pause_days)))) end end as months) w
        where f.received and not isempty(w.months)
      union all
      select 'S', null, null, null, null, null, w.months from (select o.open * coalesce(
          (select range_agg(int4range(report_month(lower(r)), report_month(upper(r))))
           from unnest(f.waiting_days) r where not isempty(r)), '{}'::int4multirange) as months) w
        where f.received and f.waiting_days is not null and not isempty(w.months)
      union all
      select 'R', report_month(f.applied_day), null, null, null, null, null
        where f.refused and f.applied_day is not null
    ) k`;
}

const TABLE = 'dossier_fact_month_listing';
const KEY =
  'family, listing_code, national_code, channel, a_month, e_month, end_kind, timeliness, undated, months';

/** The last month whose report can read a row (as in dossier_fact_month). */
const LAST_MONTH = `case family when 'C' then coalesce(e_month, 2147483647)
    when 'P' then e_month when 'N' then e_month when 'R' then a_month
    else coalesce(upper(months) - 1, 2147483647) end`;

/** Adds the keys of `added` and subtracts those of `removed` (relations or null). */
function applySql(added: string | null, removed: string | null): string {
  const parts = [
    ...(added ? [`select ${KEY}, 1 as n from (${factMonthKeysSql(added)}) a`] : []),
    ...(removed ? [`select ${KEY}, -1 as n from (${factMonthKeysSql(removed)}) r`] : []),
  ];
  return `with d as (${parts.join(' union all ')}),
      g as (select ${KEY}, sum(n)::int as n from d group by ${KEY} having sum(n) <> 0),
      up as (
        insert into ${TABLE} as m (${KEY}, last_month, n)
        select ${KEY}, ${LAST_MONTH}, n from g order by ${KEY}
        on conflict (${KEY}) do update set n = m.n + excluded.n
        returning m.id, m.n)
      select coalesce(array_agg(id) filter (where n = 0), '{}'), count(*) filter (where n < 0) from up`;
}

/** A PL/pgSQL string literal holding `sql`, for EXECUTE. */
const literal = (sql: string) => `$q$${sql}$q$`;

/** As dossier_fact_month's: planned when it runs, counts below 0 refused, zeros deleted. */
function triggerFunction(name: string, added: string | null, removed: string | null): string {
  return `create function "${name}"() returns trigger language plpgsql as $$
    declare
      zero bigint[];
      negative bigint;
    begin
      execute ${literal(applySql(added, removed))} into zero, negative;
      if negative > 0 then
        raise exception '${TABLE}: % counts below 0', negative;
      end if;
      if cardinality(zero) > 0 then
        delete from ${TABLE} where id = any(zero);
      end if;
      return null;
    end $$;`;
}

export class Migration20261201220000_dossier_fact_month_listing extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "${TABLE}" (
      "id" bigserial primary key,
      "family" text not null,
      "listing_code" text null,
      "national_code" text null,
      "channel" text not null,
      "a_month" int null,
      "e_month" int null,
      "end_kind" text null,
      "timeliness" text null,
      "undated" boolean null,
      "months" int4multirange null,
      "last_month" int not null,
      "n" int not null)
      with (fillfactor = 50);`);
    this.addSql(`create unique index "${TABLE}_key_index" on "${TABLE}" (${KEY}) nulls not distinct;`);
    this.addSql(`create index "${TABLE}_last_month_index" on "${TABLE}" ("family", "last_month");`);

    this.addSql(triggerFunction(`${TABLE}_after_insert`, 'added', null));
    this.addSql(triggerFunction(`${TABLE}_after_update`, 'added', 'removed'));
    this.addSql(triggerFunction(`${TABLE}_after_delete`, null, 'removed'));
    this.addSql(`create trigger "${TABLE}_insert" after insert on "dossier_fact"
      referencing new table as added for each statement execute function ${TABLE}_after_insert();`);
    this.addSql(`create trigger "${TABLE}_update" after update on "dossier_fact"
      referencing old table as removed new table as added for each statement
      execute function ${TABLE}_after_update();`);
    this.addSql(`create trigger "${TABLE}_delete" after delete on "dossier_fact"
      referencing old table as removed for each statement execute function ${TABLE}_after_delete();`);
    this.addSql(`create function "${TABLE}_after_truncate"() returns trigger language plpgsql as $$
    begin
      delete from ${TABLE};
      return null;
    end $$;`);
    this.addSql(`create trigger "${TABLE}_truncate" after truncate on "dossier_fact"
      for each statement execute function ${TABLE}_after_truncate();`);

    // From scratch, beside rebuild_dossier_fact_month() (bulk loads call both).
    this.addSql(`create function "rebuild_${TABLE}"() returns void language plpgsql as $$
    begin
      lock table dossier_fact in share mode;
      delete from ${TABLE};
      insert into ${TABLE} (${KEY}, last_month, n)
        select ${KEY}, ${LAST_MONTH}, count(*)::int from (${factMonthKeysSql('dossier_fact')}) k group by ${KEY};
    end $$;`);
    this.addSql(`select rebuild_${TABLE}();`);
  }
}
