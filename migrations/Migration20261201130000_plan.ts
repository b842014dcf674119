import { Migration } from '@mikro-orm/migrations';

/** The province's yearly plan (issue 13): one row per imported version, its tasks beside it. */
export class Migration20261201130000_plan extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "plan" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "province" text not null, "year" int not null, "version" int not null, "title" text not null, "decision" text null, "sections" jsonb not null, "content_hash" text not null, "source_name" text not null);`,
    );
    this.addSql(
      `alter table "plan" add constraint "plan_province_year_version_unique" unique ("province", "year", "version");`,
    );
    this.addSql(
      `create table "plan_task" ("id" serial primary key, "plan_id" int not null, "number" int not null, "section" text not null, "content" text not null, "leads_text" text not null, "partners_text" text not null, "leads" jsonb not null, "partners" jsonb not null, "expected_result" text not null, "deadline_text" text not null, "deadline_kind" text not null, "deadline_from" date null, "deadline_to" date null, "deadline_working_days" int null);`,
    );
    this.addSql(
      `alter table "plan_task" add constraint "plan_task_plan_id_number_unique" unique ("plan_id", "number");`,
    );
  }
}
