import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { SyncedRow } from '../../db/base.entity';
import type { ApplicantType, Channel, DossierStatus } from '../../domain/model';

export interface StoredSupplement {
  requestedAt: string | null;
  receivedAt: string | null;
}

/**
 * One dossier (hồ sơ) as iGate reports it (upstream-apis.md §2 "Dossiers"). Personal data
 * as domain.md allows: the identity number only as a salted hash and its last 4 digits;
 * name, phone and e-mail as read, shown unmasked only to callers with the `pii` grant.
 * Indexes follow the graph's filters and the dossier report (agency or procedure by
 * accepted date, status, the keyset order by update).
 */
@Entity({ tableName: 'dossier' })
@Index({ properties: ['agencyCode', 'acceptedAt'] })
@Index({ properties: ['nationalCode', 'acceptedAt'] })
@Index({ properties: ['sourceUpdatedAt', 'code'] })
// The graph's filters and orders (Migration20261201090000_graph_indexes), live rows only.
@Index({
  name: 'dossier_agency_code_updated_index',
  expression: `create index "dossier_agency_code_updated_index" on "dossier" ("agency_code", "source_updated_at", "code") where "deleted_at" is null`,
})
@Index({
  name: 'dossier_national_code_updated_index',
  expression: `create index "dossier_national_code_updated_index" on "dossier" ("national_code", "source_updated_at", "code") where "deleted_at" is null`,
})
@Index({
  name: 'dossier_listing_code_updated_index',
  expression: `create index "dossier_listing_code_updated_index" on "dossier" ("listing_code", "source_updated_at", "code") where "deleted_at" is null`,
})
@Index({
  name: 'dossier_status_updated_index',
  expression: `create index "dossier_status_updated_index" on "dossier" ("status", "source_updated_at", "code") where "deleted_at" is null`,
})
@Index({
  name: 'dossier_agency_code_status_index',
  expression: `create index "dossier_agency_code_status_index" on "dossier" ("agency_code", "status") where "deleted_at" is null`,
})
@Index({
  name: 'dossier_national_code_status_index',
  expression: `create index "dossier_national_code_status_index" on "dossier" ("national_code", "status") where "deleted_at" is null`,
})
@Index({
  name: 'dossier_accepted_at_code_index',
  expression: `create index "dossier_accepted_at_code_index" on "dossier" ("accepted_at", "code") where "deleted_at" is null`,
})
@Index({
  name: 'dossier_appointment_at_code_index',
  expression: `create index "dossier_appointment_at_code_index" on "dossier" ("appointment_at", "code") where "deleted_at" is null`,
})
export class Dossier extends SyncedRow {
  /** iGate's dossier code, `000.00.12.H21-200305-0001`. */
  @PrimaryKey({ type: 'string', columnType: 'text' })
  code!: string;

  @Property({ type: 'string', columnType: 'text' })
  externalId!: string;

  @Index()
  @Property({ type: 'string', columnType: 'text' })
  listingCode!: string;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  listingExternalId?: string | null;

  @Property({ type: 'string', columnType: 'text' })
  nationalCode!: string;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  agencyCode?: string | null;

  /** National TrangThaiHoSo, by name. */
  @Index()
  @Property({ type: 'string', columnType: 'text' })
  status!: DossierStatus;

  /** iGate's own status id, kept for tracing. */
  @Property({ type: 'integer' })
  sourceStatusId!: number;

  @Property({ type: 'string', columnType: 'text' })
  channel!: Channel;

  @Index()
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  appliedAt?: Date | null;

  @Index()
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  acceptedAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  appointmentAt?: Date | null;

  @Index()
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  completedAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  returnedAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  withdrawnAt?: Date | null;

  @Property({ type: 'json', columnType: 'jsonb' })
  supplements: StoredSupplement[] = [];

  @Property({ type: 'integer' })
  supplementCount = 0;

  /** 1 very satisfied, 2 satisfied, 3 not satisfied. */
  @Property({ type: 'integer', nullable: true })
  ratingValue?: number | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  ratedAt?: Date | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  applicantType?: ApplicantType | null;

  @Property({ type: 'string', columnType: 'text', nullable: true, lazy: true })
  applicantName?: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true, lazy: true })
  applicantPhone?: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true, lazy: true })
  applicantEmail?: string | null;

  /** HMAC-SHA256 of the identity number with PII_SALT; never the number itself. */
  @Property({ type: 'string', columnType: 'text', nullable: true, lazy: true })
  identityHash?: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  identityLast4?: string | null;

  /** When PII_RETENTION_DAYS erased this row's personal data (src/sync/retention.ts); null: never. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  piiErasedAt?: Date | null;

  /** `updatedDate` on iGate: what the sync's windows move by. */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  sourceUpdatedAt!: Date;
}
