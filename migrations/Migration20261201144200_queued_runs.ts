import { Migration } from '@mikro-orm/migrations';

/**
 * Queued sync runs (issue 12): an api replica's runSync leaves a QUEUED ledger row that a
 * worker turns into its RUNNING run. At most one QUEUED row per source (a second request
 * answers the waiting one), and the time it was asked for.
 */
export class Migration20261201144200_queued_runs extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "sync_run" drop constraint if exists "sync_run_status_check";`);
    this.addSql(
      `alter table "sync_run" add constraint "sync_run_status_check" check ("status" in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED', 'ABANDONED', 'HELD'));`,
    );
    this.addSql(`alter table "sync_run" add column "queued_at" timestamptz null;`);
    this.addSql(
      `create unique index "sync_run_one_queued_per_source" on "sync_run" ("source") where "status" = 'QUEUED';`,
    );
  }
}
