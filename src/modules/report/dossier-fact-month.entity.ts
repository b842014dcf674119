import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Form 06's figures counted at month grain (migrations Migration20261201150000_dossier_fact_month
 * and Migration20261201220000_dossier_fact_month_listing): written only by the database's
 * triggers on `dossier_fact`, read only by form 06 for periods of whole months. Declared
 * here so the schema has no drift.
 */
abstract class MonthCounts {
  @PrimaryKey({ type: 'bigint', autoincrement: true }) id!: string;
  /** Which figures the row counts: C, P, N, WP, WN, S or R (see the first migration). */
  @Property({ type: 'string', columnType: 'text' }) family!: string;
  @Property({ type: 'string', columnType: 'text' }) channel!: string;
  /** Months are numbered year × 12 + month − 1. */
  @Property({ type: 'integer', nullable: true }) aMonth?: number | null;
  @Property({ type: 'integer', nullable: true }) eMonth?: number | null;
  @Property({ type: 'string', columnType: 'text', nullable: true }) endKind?: string | null;
  @Property({ type: 'string', columnType: 'text', nullable: true }) timeliness?: string | null;
  @Property({ type: 'boolean', nullable: true }) undated?: boolean | null;
  @Property({ type: 'string', columnType: 'int4multirange', nullable: true }) months?: string | null;
  /** The last month whose form 06 reads the row. */
  @Property({ type: 'integer' }) lastMonth!: number;
  @Property({ type: 'integer' }) n!: number;
}

/** Counts by agency and channel: form 06 by agency or level. */
@Entity({ tableName: 'dossier_fact_month' })
@Index({
  name: 'dossier_fact_month_key_index',
  expression: `create unique index "dossier_fact_month_key_index" on "dossier_fact_month"
      (family, agency_code, channel, a_month, e_month, end_kind, timeliness, undated, months) nulls not distinct`,
})
@Index({ name: 'dossier_fact_month_last_month_index', properties: ['family', 'lastMonth'] })
export class DossierFactMonth extends MonthCounts {
  @Property({ type: 'string', columnType: 'text', nullable: true }) agencyCode?: string | null;
}

/** Counts by listing, the dossier's national code and channel: form 06 by sector or procedure. */
@Entity({ tableName: 'dossier_fact_month_listing' })
@Index({
  name: 'dossier_fact_month_listing_key_index',
  expression: `create unique index "dossier_fact_month_listing_key_index" on "dossier_fact_month_listing"
      (family, listing_code, national_code, channel, a_month, e_month, end_kind, timeliness, undated, months) nulls not distinct`,
})
@Index({ name: 'dossier_fact_month_listing_last_month_index', properties: ['family', 'lastMonth'] })
export class DossierFactMonthListing extends MonthCounts {
  @Property({ type: 'string', columnType: 'text', nullable: true }) listingCode?: string | null;
  @Property({ type: 'string', columnType: 'text', nullable: true }) nationalCode?: string | null;
}
