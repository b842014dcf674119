import { Migration } from '@mikro-orm/migrations';

/** Consistency findings, their history, the check-run ledger and the normalized text the checks compare. */
export class Migration20261201100100_findings extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "check_run" ("id" bigserial primary key, "trigger" text check ("trigger" in ('SCHEDULE', 'AFTER_SYNC', 'GRAPH', 'CLI')) not null, "status" text check ("status" in ('SUCCEEDED', 'FAILED')) not null, "started_at" timestamptz not null, "finished_at" timestamptz not null, "worker" text not null, "triggered_by_sync_run_id" bigint null, "sync_runs" jsonb not null, "kinds_ran" jsonb not null, "kinds_skipped" jsonb not null, "opened" int not null default 0, "seen_again" int not null default 0, "resolved" int not null default 0, "reopened" int not null default 0, "statements" int not null default 0, "error_message" text null);`,
    );
    this.addSql(`create index "check_run_started_at_index" on "check_run" ("started_at");`);
    this.addSql(
      `create table "check_text" ("source" text not null, "code" text not null, "content_hash" text not null, "name" text not null, "name_folded" text not null, "doc_numbers" text[] not null, constraint "check_text_pkey" primary key ("source", "code"));`,
    );
    this.addSql(
      `create table "finding" ("id" bigserial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "identity" text not null, "kind" text check ("kind" in ('MISSING_IN_PROVINCE', 'MISSING_IN_NATIONAL', 'ABOLISHED_BUT_LISTED', 'NAME_MISMATCH', 'PROCESSING_TIME_MISMATCH', 'FEE_MISMATCH', 'LEVEL_MISMATCH', 'ONLINE_LEVEL_MISMATCH', 'LEGAL_BASIS_MISMATCH', 'PUBLICATION_LATE', 'DUPLICATE_LISTING', 'DOSSIER_UNKNOWN_PROCEDURE', 'DOSSIER_ON_ABOLISHED_PROCEDURE', 'FEEDBACK_UNKNOWN_REFERENCE')) not null, "subject_code" text not null, "national_code" text null, "field" text null, "channel" text null, "agency_code" text null, "sector_code" text null, "national_value" text null, "provincial_value" text null, "national_raw" jsonb null, "provincial_raw" jsonb null, "rule" text not null, "severity" text check ("severity" in ('HIGH', 'MEDIUM', 'LOW', 'INFO')) not null, "status" text check ("status" in ('OPEN', 'ACKNOWLEDGED', 'WONT_FIX', 'RESOLVED', 'REOPENED')) not null, "first_seen_at" timestamptz not null, "last_seen_at" timestamptz not null, "last_run_id" bigint not null);`,
    );
    this.addSql(`alter table "finding" add constraint "finding_identity_unique" unique ("identity");`);
    this.addSql(`create index "finding_subject_code_index" on "finding" ("subject_code");`);
    this.addSql(`create index "finding_agency_code_index" on "finding" ("agency_code");`);
    this.addSql(`create index "finding_national_code_index" on "finding" ("national_code");`);
    this.addSql(`create index "finding_kind_status_index" on "finding" ("kind", "status");`);
    this.addSql(`create index "finding_last_seen_at_id_index" on "finding" ("last_seen_at", "id");`);
    this.addSql(
      `create table "finding_event" ("id" bigserial primary key, "finding_id" bigint not null, "at" timestamptz not null, "actor" text not null, "from_status" text check ("from_status" in ('OPEN', 'ACKNOWLEDGED', 'WONT_FIX', 'RESOLVED', 'REOPENED')) null, "to_status" text check ("to_status" in ('OPEN', 'ACKNOWLEDGED', 'WONT_FIX', 'RESOLVED', 'REOPENED')) not null, "note" text null, "run_id" bigint null);`,
    );
    this.addSql(`create index "finding_event_finding_id_at_index" on "finding_event" ("finding_id", "at");`);
  }
}
