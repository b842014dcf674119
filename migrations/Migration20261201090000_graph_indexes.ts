import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 9: an index for each filter and order the graph offers, so a page or a count reads
 * only its own rows. Partial on `deleted_at is null`, as every graph query filters, which
 * keeps them small and lets counts be index-only scans. The catalogue's union pages in
 * byte order (`collate "C"`) on both sides.
 */
export class Migration20261201090000_graph_indexes extends Migration {
  override async up(): Promise<void> {
    const live = 'where "deleted_at" is null';
    for (const [name, columns] of [
      // A filter with the default order (newest change first), for a page.
      ['dossier_agency_code_updated_index', '"agency_code", "source_updated_at", "code"'],
      ['dossier_national_code_updated_index', '"national_code", "source_updated_at", "code"'],
      ['dossier_listing_code_updated_index', '"listing_code", "source_updated_at", "code"'],
      ['dossier_status_updated_index', '"status", "source_updated_at", "code"'],
      // Counts by agency or procedure and status.
      ['dossier_agency_code_status_index', '"agency_code", "status"'],
      ['dossier_national_code_status_index', '"national_code", "status"'],
      // The other orders.
      ['dossier_accepted_at_code_index', '"accepted_at", "code"'],
      ['dossier_appointment_at_code_index', '"appointment_at", "code"'],
    ] as const) {
      this.addSql(`create index "${name}" on "dossier" (${columns}) ${live};`);
    }
    this.addSql(
      `create index "feedback_agency_code_status_group_sent_index" on "feedback" ("agency_code", "status_group", "sent_at", "code") ${live};`,
    );
    this.addSql(
      `create index "feedback_status_group_sent_code_index" on "feedback" ("status_group", "sent_at", "code") ${live};`,
    );
    this.addSql(
      `create index "feedback_updated_code_index" on "feedback" ("source_updated_at", "code") ${live};`,
    );
    this.addSql(
      `create index "national_procedure_code_c_index" on "national_procedure" ("code" collate "C") ${live};`,
    );
    this.addSql(
      `create index "provincial_listing_live_national_code_c_index" on "provincial_listing" ("national_code" collate "C") where "active" and "deleted_at" is null;`,
    );
  }
}
