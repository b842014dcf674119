import { Migration } from '@mikro-orm/migrations';

/** The working-day calendar for SQL (src/db/calendar-table.ts fills it after every migrate). */
export class Migration20261201100000_calendar extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "calendar_day" ("day" date not null, "is_working" boolean not null, "working_index" int not null, constraint "calendar_day_pkey" primary key ("day"));`,
    );
    // Lookups go both ways: day → index (the primary key) and index → first working day.
    this.addSql(
      `create index "calendar_day_working_index_day_index" on "calendar_day" ("working_index", "day");`,
    );
  }
}
