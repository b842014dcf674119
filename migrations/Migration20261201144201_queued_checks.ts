import { Migration } from '@mikro-orm/migrations';

/**
 * Queued check runs (issue 12): an api replica's runChecks leaves a QUEUED check_run row; a
 * worker marks it RUNNING and records the run's outcome in it. Such a row has no end yet,
 * and at most one waits at a time.
 */
export class Migration20261201144201_queued_checks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "check_run" drop constraint if exists "check_run_status_check";`);
    this.addSql(
      `alter table "check_run" add constraint "check_run_status_check" check ("status" in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'));`,
    );
    this.addSql(`alter table "check_run" alter column "finished_at" drop not null;`);
    this.addSql(`alter table "check_run" add column "queued_at" timestamptz null;`);
    this.addSql(
      `create unique index "check_run_one_queued" on "check_run" ((true)) where "status" = 'QUEUED';`,
    );
  }
}
