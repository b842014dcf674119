import { Migration } from '@mikro-orm/migrations';

/**
 * `dossier_fact_month`: form 06's figures as counts at month grain (issue 11, form 06 at
 * 5M dossiers under 1 s). Named periods ("2020", "2020-Q2", "2020-06") are whole months,
 * and for a period [first day of month F, last day of month T] every day comparison form
 * 06 makes is a comparison of months: accepted_day <= to ⟺ month(accepted) <= T,
 * end_day >= from ⟺ month(end) >= F, due_day >= to ⟺ T < month(due_day + 1), and a day
 * range [lo, hi) holds the last day of month m ⟺ m ∈ [month(lo), month(hi)).
 *
 * Each fact row adds 1 to a few rows here, one per *family* of figures, each keyed by only
 * what its figures read, so a family has about as many rows as agencies × channels × months:
 *
 * - C (counted): accepted month, end month (null: open), end kind, undated. received,
 *   carried over, new by channel, resolved, withdrawn, in progress, undated.
 * - P / N (a completed dossier's PROVINCIAL / NATIONAL class): end month, the class, and the
 *   accepted month only when it is after the end month (dirty dates; otherwise
 *   "accepted on or before to" follows from "completed on or before to").
 * - WP / WN (within deadline under the rule): the months at whose last day the dossier is
 *   open and within its deadline, as an int4multirange (the month set of both rules, each
 *   cut to the months the dossier is open: [accepted month, end month)).
 * - S (waiting for a supplement): the months at whose last day a request stood
 *   unanswered, cut the same way.
 * - R (refused at reception): the applied month.
 *
 * Months are numbered year × 12 + month − 1. Statement-level triggers on dossier_fact keep
 * the counts current from the transition tables: every write of dossier_fact (the sync's
 * triggers on dossier, listing and calendar changes, refresh_dossier_facts) subtracts the
 * old rows' keys, adds the new ones', in key order (two syncs at once wait for each other
 * on the rows they share, never deadlock on them), and deletes the rows it brought to 0.
 */

/** The rollup keys of every row of `source` (a relation shaped like dossier_fact). */
function factMonthKeysSql(source: string): string {
  return `select k.family, f.agency_code, f.channel, k.a_month, k.e_month, k.end_kind, k.timeliness, k.undated, k.months
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

const KEY = 'family, agency_code, channel, a_month, e_month, end_kind, timeliness, undated, months';

/**
 * The last month whose report can read a row (a function of its key): form 06 for months
 * [F, T] reads only rows with last_month >= F, so a report of one year of five reads about
 * a fifth of the table through the index on it.
 */
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
        insert into dossier_fact_month as m (${KEY}, last_month, n)
        select ${KEY}, ${LAST_MONTH}, n from g order by ${KEY}
        on conflict (${KEY}) do update set n = m.n + excluded.n
        returning m.id, m.n)
      select coalesce(array_agg(id) filter (where n = 0), '{}'), count(*) filter (where n < 0) from up`;
}

/** A PL/pgSQL string literal holding `sql`, for EXECUTE. */
const literal = (sql: string) => `$q$${sql}$q$`;

function triggerFunction(name: string, added: string | null, removed: string | null): string {
  // Planned when it runs (EXECUTE), as the fact triggers are: never a plan cached while the
  // tables were empty. The rows brought to 0 are this statement's own (it holds their row
  // locks), so deleting them never waits on another writer.
  return `create function "${name}"() returns trigger language plpgsql as $$
    declare
      zero bigint[];
      negative bigint;
    begin
      execute ${literal(applySql(added, removed))} into zero, negative;
      -- A count below 0 means a key was subtracted that was never added: the rollup and the
      -- facts disagree. Fail the write rather than report wrong figures (no CHECK: PostgreSQL
      -- checks it on the proposed row, the delta, before ON CONFLICT adds it).
      if negative > 0 then
        raise exception 'dossier_fact_month: % counts below 0', negative;
      end if;
      if cardinality(zero) > 0 then
        delete from dossier_fact_month where id = any(zero);
      end if;
      return null;
    end $$;`;
}

export class Migration20261201150000_dossier_fact_month extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "report_month"(d date) returns int language sql immutable strict parallel safe
      as $$ select (extract(year from d)::int * 12 + extract(month from d)::int - 1) $$;`);
    this.addSql(`create table "dossier_fact_month" (
      "id" bigserial primary key,
      "family" text not null,
      "agency_code" text null,
      "channel" text not null,
      "a_month" int null,
      "e_month" int null,
      "end_kind" text null,
      "timeliness" text null,
      "undated" boolean null,
      "months" int4multirange null,
      "last_month" int not null,
      "n" int not null)
      -- Room on every page: a count's update is then a heap-only tuple (n is in no index),
      -- no new entry in the wide key index per write.
      with (fillfactor = 50);`);
    this.addSql(`create unique index "dossier_fact_month_key_index" on "dossier_fact_month"
      (${KEY}) nulls not distinct;`);
    this.addSql(
      `create index "dossier_fact_month_last_month_index" on "dossier_fact_month" ("family", "last_month");`,
    );

    this.addSql(triggerFunction('dossier_fact_month_after_insert', 'added', null));
    this.addSql(triggerFunction('dossier_fact_month_after_update', 'added', 'removed'));
    this.addSql(triggerFunction('dossier_fact_month_after_delete', null, 'removed'));
    this.addSql(`create trigger "dossier_fact_month_insert" after insert on "dossier_fact"
      referencing new table as added for each statement execute function dossier_fact_month_after_insert();`);
    this.addSql(`create trigger "dossier_fact_month_update" after update on "dossier_fact"
      referencing old table as removed new table as added for each statement
      execute function dossier_fact_month_after_update();`);
    this.addSql(`create trigger "dossier_fact_month_delete" after delete on "dossier_fact"
      referencing old table as removed for each statement execute function dossier_fact_month_after_delete();`);
    this.addSql(`create function "dossier_fact_month_after_truncate"() returns trigger language plpgsql as $$
    begin
      delete from dossier_fact_month;
      return null;
    end $$;`);
    this.addSql(`create trigger "dossier_fact_month_truncate" after truncate on "dossier_fact"
      for each statement execute function dossier_fact_month_after_truncate();`);

    // From scratch, for bulk loads that write dossier_fact with these triggers off (one
    // grouped insert instead of an upsert per chunk) and for the facts made before this
    // migration. The facts' writers wait meanwhile, so nothing is counted twice or missed.
    this.addSql(`create function "rebuild_dossier_fact_month"() returns void language plpgsql as $$
    begin
      lock table dossier_fact in share mode;
      delete from dossier_fact_month;
      insert into dossier_fact_month (${KEY}, last_month, n)
        select ${KEY}, ${LAST_MONTH}, count(*)::int from (${factMonthKeysSql('dossier_fact')}) k group by ${KEY};
    end $$;`);
    this.addSql('select rebuild_dossier_fact_month();');
  }
}
