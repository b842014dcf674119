import { Migration } from '@mikro-orm/migrations';

/** iGate: the province's agencies, its procedure listings and the dossiers (upstream-apis.md §2). */
export class Migration20261126120100_igate extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "dossier" ("code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "raw" jsonb null, "content_hash" text not null, "deleted_at" timestamptz null, "external_id" text not null, "listing_code" text not null, "listing_external_id" text null, "national_code" text not null, "agency_code" text null, "status" text not null, "source_status_id" int not null, "channel" text not null, "applied_at" timestamptz null, "accepted_at" timestamptz null, "appointment_at" timestamptz null, "completed_at" timestamptz null, "returned_at" timestamptz null, "withdrawn_at" timestamptz null, "supplements" jsonb not null, "supplement_count" int not null default 0, "rating_value" int null, "rated_at" timestamptz null, "applicant_type" text null, "applicant_name" text null, "applicant_phone" text null, "applicant_email" text null, "identity_hash" text null, "identity_last4" text null, "source_updated_at" timestamptz not null, constraint "dossier_pkey" primary key ("code"));`,
    );
    this.addSql(`create index "dossier_listing_code_index" on "dossier" ("listing_code");`);
    this.addSql(`create index "dossier_status_index" on "dossier" ("status");`);
    this.addSql(`create index "dossier_applied_at_index" on "dossier" ("applied_at");`);
    this.addSql(`create index "dossier_accepted_at_index" on "dossier" ("accepted_at");`);
    this.addSql(`create index "dossier_completed_at_index" on "dossier" ("completed_at");`);
    this.addSql(
      `create index "dossier_source_updated_at_code_index" on "dossier" ("source_updated_at", "code");`,
    );
    this.addSql(
      `create index "dossier_national_code_accepted_at_index" on "dossier" ("national_code", "accepted_at");`,
    );
    this.addSql(
      `create index "dossier_agency_code_accepted_at_index" on "dossier" ("agency_code", "accepted_at");`,
    );
    this.addSql(
      `create table "igate_agency" ("code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "raw" jsonb null, "content_hash" text not null, "deleted_at" timestamptz null, "external_id" text null, "name" text not null, "level" text null, "parent_code" text null, "parent_external_id" text null, constraint "igate_agency_pkey" primary key ("code"));`,
    );
    this.addSql(`create index "igate_agency_parent_code_index" on "igate_agency" ("parent_code");`);
    this.addSql(
      `create table "provincial_listing" ("code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "raw" jsonb null, "content_hash" text not null, "deleted_at" timestamptz null, "external_id" text not null, "national_code" text not null, "national_code_inferred" boolean not null, "name" text not null, "search_text" text not null, "sector_code" text null, "sector" jsonb null, "levels" text[] not null, "agency_codes" text[] not null, "agencies" jsonb not null, "channels" jsonb not null, "online_level" text null, "legal_bases" jsonb not null, "decision_number" text null, "decision_date" timestamptz null, "active" boolean not null, "source_updated_at" timestamptz not null, "issues" jsonb not null, constraint "provincial_listing_pkey" primary key ("code"));`,
    );
    this.addSql(
      `create index "provincial_listing_national_code_index" on "provincial_listing" ("national_code");`,
    );
    this.addSql(
      `create index "provincial_listing_sector_code_index" on "provincial_listing" ("sector_code");`,
    );
    this.addSql(
      `create index "provincial_listing_levels_index" on "provincial_listing" using gin ("levels");`,
    );
    this.addSql(
      `create index "provincial_listing_agency_codes_index" on "provincial_listing" using gin ("agency_codes");`,
    );
    this.addSql(
      `create index "provincial_listing_source_updated_at_index" on "provincial_listing" ("source_updated_at");`,
    );
  }
}
