import { Migration } from '@mikro-orm/migrations';

/** The national catalogue, its agencies and sectors, and the sync ledger. */
export class Migration20261126000000_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "national_agency" ("code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "raw" jsonb null, "content_hash" text not null, "deleted_at" timestamptz null, "name" text not null, "level" text null, "parent_code" text null, constraint "national_agency_pkey" primary key ("code"));`,
    );
    this.addSql(
      `create table "national_procedure" ("code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "raw" jsonb null, "content_hash" text not null, "deleted_at" timestamptz null, "external_id" text null, "name" text not null, "search_text" text not null, "procedure_type" int null, "in_force" boolean not null, "abolished_at" timestamptz null, "source_updated_at" timestamptz not null, "publishing_agency_code" text null, "decision" jsonb null, "decision_date" timestamptz null, "sector_codes" text[] not null, "sectors" jsonb not null, "levels" text[] not null, "agency_codes" text[] not null, "agencies" jsonb not null, "subjects" jsonb not null, "channels" jsonb not null, "documents" jsonb not null, "results" jsonb not null, "legal_bases" jsonb not null, "requirements" text null, "description" text null, "issues" jsonb not null, constraint "national_procedure_pkey" primary key ("code"));`,
    );
    this.addSql(
      `create index "national_procedure_sector_codes_index" on "national_procedure" using gin ("sector_codes");`,
    );
    this.addSql(
      `create index "national_procedure_levels_index" on "national_procedure" using gin ("levels");`,
    );
    this.addSql(
      `create index "national_procedure_agency_codes_index" on "national_procedure" using gin ("agency_codes");`,
    );
    this.addSql(
      `create index "national_procedure_source_updated_at_index" on "national_procedure" ("source_updated_at");`,
    );
    this.addSql(
      `create table "national_sector" ("code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "raw" jsonb null, "content_hash" text not null, "deleted_at" timestamptz null, "name" text not null, "industry_code" text null, constraint "national_sector_pkey" primary key ("code"));`,
    );
    this.addSql(
      `create table "quarantined_record" ("id" bigserial primary key, "source" text not null, "stream" text not null, "external_key" text null, "field" text null, "reason" text not null, "fingerprint" text not null, "raw" jsonb null, "sync_run_id" bigint not null, "times_seen" int not null default 1, "first_seen_at" timestamptz not null, "last_seen_at" timestamptz not null, "resolved_at" timestamptz null);`,
    );
    this.addSql(
      `create index "quarantined_record_source_stream_external_key_index" on "quarantined_record" ("source", "stream", "external_key");`,
    );
    this.addSql(
      `alter table "quarantined_record" add constraint "quarantined_record_source_stream_fingerprint_unique" unique ("source", "stream", "fingerprint");`,
    );
    this.addSql(
      `create table "schedule_tick" ("job" text not null, "tick_at" timestamptz not null, "worker" text not null, "claimed_at" timestamptz not null default now(), "outcome" text null, constraint "schedule_tick_pkey" primary key ("job", "tick_at"));`,
    );
    this.addSql(
      `create table "sync_seen_key" ("run_id" bigint not null, "stream" text not null, "key" text not null, constraint "sync_seen_key_pkey" primary key ("run_id", "stream", "key"));`,
    );
    this.addSql(
      `create table "sync_stream_state" ("source" text not null, "stream" text not null, "cursor" text null, "walk_run_id" bigint null, "walk_full" boolean not null default false, "walk_checkpoint" text null, "walk_cursor" text null, "last_full_walk_at" timestamptz null, constraint "sync_stream_state_pkey" primary key ("source", "stream"));`,
    );
    this.addSql(
      `create table "sync_run" ("id" bigserial primary key, "source" text check ("source" in ('NATIONAL', 'IGATE', 'PAKN')) not null, "mode" text not null, "trigger" text not null, "status" text check ("status" in ('RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED', 'ABANDONED', 'HELD')) not null, "started_at" timestamptz not null, "finished_at" timestamptz null, "heartbeat_at" timestamptz not null, "worker" text not null, "resumed_from" bigint null, "pages" int not null default 0, "requests" int not null default 0, "retries" int not null default 0, "throttled" int not null default 0, "fetched" int not null default 0, "inserted" int not null default 0, "updated" int not null default 0, "unchanged" int not null default 0, "deleted" int not null default 0, "quarantined" int not null default 0, "held_deletions" int not null default 0, "held_walks" jsonb null, "cursor_before" jsonb null, "cursor_after" jsonb null, "error_code" text null, "error_message" text null);`,
    );
    this.addSql(`create index "sync_run_status_index" on "sync_run" ("status");`);
    this.addSql(`create index "sync_run_source_started_at_index" on "sync_run" ("source", "started_at");`);
    this.addSql(
      `create unique index "sync_run_one_running_per_source" on "sync_run" ("source") where "status" = 'RUNNING';`,
    );
  }
}
