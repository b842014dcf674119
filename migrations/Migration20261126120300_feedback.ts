import { Migration } from '@mikro-orm/migrations';

/** PAKN: feedback items (upstream-apis.md §3), indexed for the graph's filters and the feedback reports. */
export class Migration20261126120300_feedback extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "feedback" ("code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "raw" jsonb null, "content_hash" text not null, "deleted_at" timestamptz null, "external_id" text not null, "title" text not null, "content" text not null, "classification" text not null, "channel" text not null, "status" text not null, "status_group" text not null, "history" jsonb not null, "sent_at" timestamptz not null, "answered_at" timestamptz null, "source_updated_at" timestamptz not null, "answer" text null, "published" boolean not null, "likes" int not null, "dislikes" int not null, "agency_code" text null, "agency_name" text null, "procedure_code" text null, "dossier_code" text null, "sender_name" text null, "sender_phone" text null, "sender_email" text null, constraint "feedback_pkey" primary key ("code"));`,
    );
    this.addSql(`create index "feedback_answered_at_index" on "feedback" ("answered_at");`);
    this.addSql(`create index "feedback_dossier_code_index" on "feedback" ("dossier_code");`);
    this.addSql(
      `create index "feedback_status_group_sent_at_index" on "feedback" ("status_group", "sent_at");`,
    );
    this.addSql(`create index "feedback_status_sent_at_index" on "feedback" ("status", "sent_at");`);
    this.addSql(
      `create index "feedback_procedure_code_sent_at_code_index" on "feedback" ("procedure_code", "sent_at", "code");`,
    );
    this.addSql(
      `create index "feedback_agency_code_sent_at_code_index" on "feedback" ("agency_code", "sent_at", "code");`,
    );
    this.addSql(`create index "feedback_sent_at_code_index" on "feedback" ("sent_at", "code");`);
  }
}
