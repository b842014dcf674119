import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 9: the lookups a page's prefetched relations make per row or per code read their
 * answer from the index alone (index-only scans, no heap page per lookup): a procedure's
 * live national name by code (Dossier.procedure, Feedback.procedure), and a procedure's live
 * listings by code in code order (Procedure.listings, whose json_agg then needs no sort).
 */
export class Migration20261201160000_prefetch_covering extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "national_procedure_live_code_name_index" on "national_procedure" ("code") include ("name") where "deleted_at" is null;`,
    );
    this.addSql(
      `create index "provincial_listing_live_national_code_code_index" on "provincial_listing" ("national_code", "code") include ("name") where "deleted_at" is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists "national_procedure_live_code_name_index";');
    this.addSql('drop index if exists "provincial_listing_live_national_code_code_index";');
  }
}
