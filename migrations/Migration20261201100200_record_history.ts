import { Migration } from '@mikro-orm/migrations';

/**
 * Versions of national records and listings: a trigger adds one whenever a row's content
 * hash changes, naming the source's RUNNING sync run (at most one per source, by the
 * sync_run_one_running_per_source index). Rows already stored get a first version.
 */
export class Migration20261201100200_record_history extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "record_version" ("id" bigserial primary key, "table_name" text not null, "code" text not null, "content_hash" text not null, "recorded_at" timestamptz not null, "sync_run_id" bigint null, "changed_fields" text[] null, "data" jsonb not null);`,
    );
    this.addSql(
      `create index "record_version_table_name_code_recorded_at_index" on "record_version" ("table_name", "code", "recorded_at");`,
    );
    this.addSql(`create function hub_record_version() returns trigger language plpgsql as $$
      declare
        writing_source text := case when TG_TABLE_NAME = 'national_procedure' then 'NATIONAL' else 'IGATE' end;
        new_data jsonb := to_jsonb(new) - 'raw' - 'search_text' - 'created_at' - 'updated_at' - 'content_hash';
        old_data jsonb;
      begin
        if TG_OP = 'UPDATE' then
          if old.content_hash is not distinct from new.content_hash then return null; end if;
          old_data := to_jsonb(old) - 'raw' - 'search_text' - 'created_at' - 'updated_at' - 'content_hash';
        end if;
        insert into record_version (table_name, code, content_hash, recorded_at, sync_run_id, changed_fields, data)
        values (TG_TABLE_NAME, new.code, new.content_hash, clock_timestamp(),
          (select id from sync_run where sync_run.source = writing_source and status = 'RUNNING' order by id desc limit 1),
          case when old_data is null then null else
            array(select n.key from jsonb_each(new_data) n where n.value is distinct from old_data -> n.key order by n.key) end,
          new_data);
        return null;
      end $$;`);
    for (const table of ['national_procedure', 'provincial_listing']) {
      this.addSql(
        `create trigger "${table}_version" after insert or update on "${table}" for each row execute function hub_record_version();`,
      );
      this.addSql(
        `insert into record_version (table_name, code, content_hash, recorded_at, sync_run_id, changed_fields, data)
         select '${table}', code, content_hash, updated_at, null, null,
                to_jsonb(t) - 'raw' - 'search_text' - 'created_at' - 'updated_at' - 'content_hash'
           from "${table}" t;`,
      );
    }
  }
}
