import { Migration } from '@mikro-orm/migrations';

/** Stored API keys (hashed) and the per-minute cost windows of their rate limits. */
export class Migration20261201120000_api_keys extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "api_key" ("name" text not null, "key_hash" text not null, "role" text not null, "pii" boolean not null default false, "metrics" boolean not null default false, "agency_code" text null, "rate_per_minute" int null, "created_at" timestamptz not null default now(), "revoked_at" timestamptz null, constraint "api_key_pkey" primary key ("name"));`,
    );
    this.addSql(`alter table "api_key" add constraint "api_key_key_hash_unique" unique ("key_hash");`);
    this.addSql(
      `create table "rate_window" ("key_name" text not null, "window_start" timestamptz not null, "cost" int not null, constraint "rate_window_pkey" primary key ("key_name", "window_start"));`,
    );
  }
}
