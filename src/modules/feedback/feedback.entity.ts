import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { SyncedRow } from '../../db/base.entity';
import type {
  FeedbackChannel,
  FeedbackClassification,
  FeedbackStatus,
  FeedbackStatusGroup,
} from '../../domain/model';

/** One `lichSu` transition as stored (instants as ISO strings inside jsonb). */
export interface StoredFeedbackEvent {
  status: FeedbackStatus;
  at: string;
}

/**
 * One feedback item (phản ánh, kiến nghị) from the PAKN portal (upstream-apis.md §3).
 * The sender's name, phone and e-mail are kept as read and shown unmasked only to callers
 * with the `pii` grant. Indexes follow the graph's filters and keyset order (newest sent
 * first) and the feedback reports (by agency or procedure over a sent-date range).
 */
@Entity({ tableName: 'feedback' })
@Index({ properties: ['sentAt', 'code'] })
@Index({ properties: ['agencyCode', 'sentAt', 'code'] })
@Index({ properties: ['procedureCode', 'sentAt', 'code'] })
@Index({ properties: ['status', 'sentAt'] })
@Index({ properties: ['statusGroup', 'sentAt'] })
// The graph's filters and orders (Migration20261201090000_graph_indexes), live rows only.
@Index({
  name: 'feedback_agency_code_status_group_sent_index',
  expression: `create index "feedback_agency_code_status_group_sent_index" on "feedback" ("agency_code", "status_group", "sent_at", "code") where "deleted_at" is null`,
})
@Index({
  name: 'feedback_status_group_sent_code_index',
  expression: `create index "feedback_status_group_sent_code_index" on "feedback" ("status_group", "sent_at", "code") where "deleted_at" is null`,
})
@Index({
  name: 'feedback_updated_code_index',
  expression: `create index "feedback_updated_code_index" on "feedback" ("source_updated_at", "code") where "deleted_at" is null`,
})
export class Feedback extends SyncedRow {
  /** maPAKN, `PAKN-2020-000123`. */
  @PrimaryKey({ type: 'string', columnType: 'text' })
  code!: string;

  /** The portal's own `id`. */
  @Property({ type: 'string', columnType: 'text' })
  externalId!: string;

  @Property({ type: 'string', columnType: 'text' })
  title!: string;

  @Property({ type: 'string', columnType: 'text', lazy: true })
  content!: string;

  @Property({ type: 'string', columnType: 'text' })
  classification!: FeedbackClassification;

  @Property({ type: 'string', columnType: 'text' })
  channel!: FeedbackChannel;

  @Property({ type: 'string', columnType: 'text' })
  status!: FeedbackStatus;

  @Property({ type: 'string', columnType: 'text' })
  statusGroup!: FeedbackStatusGroup;

  /** `lichSu`, sorted by time. */
  @Property({ type: 'json', columnType: 'jsonb' })
  history: StoredFeedbackEvent[] = [];

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  sentAt!: Date;

  @Index()
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  answeredAt?: Date | null;

  /** `ngayCapNhat`: when the portal last changed the item. */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  sourceUpdatedAt!: Date;

  @Property({ type: 'string', columnType: 'text', nullable: true, lazy: true })
  answer?: string | null;

  @Property({ type: 'boolean' })
  published!: boolean;

  @Property({ type: 'integer' })
  likes!: number;

  @Property({ type: 'integer' })
  dislikes!: number;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  agencyCode?: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  agencyName?: string | null;

  /** maTTHC: a national procedure code, possibly one no portal knows. */
  @Property({ type: 'string', columnType: 'text', nullable: true })
  procedureCode?: string | null;

  /** maHoSo: an iGate dossier code, possibly one no portal knows. */
  @Index()
  @Property({ type: 'string', columnType: 'text', nullable: true })
  dossierCode?: string | null;

  /** When PII_RETENTION_DAYS erased this row's personal data (src/sync/retention.ts); null: never. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  piiErasedAt?: Date | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  senderName?: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  senderPhone?: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  senderEmail?: string | null;
}
