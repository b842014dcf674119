import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 9: the merged agencies (every portal's agencies by code, src/modules/agency) as a
 * small table kept current by triggers, instead of a full join of national_agency and
 * igate_agency evaluated whole for every read and then filtered: the units overview
 * (`agencies(filter: { parent })`) reads its page from an index on (parent_code, code in
 * byte order). The rules are the view's, unchanged (frozen here as that SQL was): iGate
 * wins for name, level and parent when both portals have them; a live row wins over a
 * tombstoned one; the agency is gone only when every portal that knew it dropped it.
 *
 * Statement-level triggers on both sources (their transition tables give the codes a
 * statement wrote; both sources hold a few hundred rows) recompute those codes' merged rows:
 * upserted when some source knows the code (a row whose values did not change is not
 * written), deleted when none does. A truncate of a source recomputes every code.
 */
const MERGED = `select coalesce(i.code, n.code) as code,
      case when i.code is not null and (i.deleted_at is null or n.code is null or n.deleted_at is not null)
        then i.name else n.name end as name,
      case when i.code is not null and (i.deleted_at is null or n.code is null or n.deleted_at is not null)
        then coalesce(i.level, n.level) else coalesce(n.level, i.level) end as level,
      case when i.code is not null and (i.deleted_at is null or n.code is null or n.deleted_at is not null)
        then coalesce(i.parent_code, n.parent_code) else coalesce(n.parent_code, i.parent_code) end as parent_code,
      case when (i.code is not null and i.deleted_at is null) or (n.code is not null and n.deleted_at is null)
        then null else greatest(i.deleted_at, n.deleted_at) end as deleted_at
    from national_agency n full join igate_agency i on i.code = n.code`;

export class Migration20261201160100_agency_merged extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "agency_merged" (
      "code" text primary key,
      "name" text not null,
      "level" text,
      "parent_code" text,
      "deleted_at" timestamptz
    );`);
    // The list's order (codes in byte order), whole or under one parent.
    this.addSql(
      `create index "agency_merged_code_c_index" on "agency_merged" ("code" collate "C") where "deleted_at" is null;`,
    );
    this.addSql(
      `create index "agency_merged_parent_code_c_index" on "agency_merged" ("parent_code", "code" collate "C") where "deleted_at" is null;`,
    );
    this.addSql(`create function "refresh_agency_merged"(codes text[]) returns void language plpgsql as $$
    begin
      delete from agency_merged m where m.code = any(codes)
        and not exists (select 1 from national_agency n where n.code = m.code)
        and not exists (select 1 from igate_agency i where i.code = m.code);
      insert into agency_merged as m (code, name, level, parent_code, deleted_at)
      select * from (${MERGED}) a where a.code = any(codes)
      on conflict (code) do update set name = excluded.name, level = excluded.level,
        parent_code = excluded.parent_code, deleted_at = excluded.deleted_at
      where (m.name, m.level, m.parent_code, m.deleted_at)
        is distinct from (excluded.name, excluded.level, excluded.parent_code, excluded.deleted_at);
    end $$;`);
    this.addSql(`create function "agency_merged_after_write"() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' then
        perform refresh_agency_merged(array(select code from changed union select code from changed_before));
      else
        perform refresh_agency_merged(array(select code from changed));
      end if;
      return null;
    end $$;`);
    this.addSql(`create function "agency_merged_after_truncate"() returns trigger language plpgsql as $$
    begin
      perform refresh_agency_merged(array(select code from agency_merged
        union select code from national_agency union select code from igate_agency));
      return null;
    end $$;`);
    for (const source of ['national_agency', 'igate_agency']) {
      for (const [event, tables] of [
        ['insert', 'new table as changed'],
        ['update', 'old table as changed_before new table as changed'],
        ['delete', 'old table as changed'],
      ] as const) {
        this.addSql(`create trigger "agency_merged_${event}" after ${event} on "${source}"
          referencing ${tables} for each statement execute function agency_merged_after_write();`);
      }
      this.addSql(`create trigger "agency_merged_truncate" after truncate on "${source}"
        for each statement execute function agency_merged_after_truncate();`);
    }
    this.addSql(`insert into agency_merged (code, name, level, parent_code, deleted_at) ${MERGED};`);
  }
}
