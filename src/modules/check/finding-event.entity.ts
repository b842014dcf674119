import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { FINDING_STATUSES, type FindingStatus } from '../../domain/finding';

/** One status change of a finding: who (a key name, `system` for checks), when, from, to, why. */
@Entity({ tableName: 'finding_event' })
@Index({ properties: ['findingId', 'at'] })
export class FindingEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'bigint' })
  findingId!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  at!: Date;

  @Property({ type: 'string', columnType: 'text' })
  actor!: string;

  /** Null for the event that opened the finding. */
  @Enum({ items: [...FINDING_STATUSES], type: 'string', columnType: 'text', nullable: true })
  fromStatus?: FindingStatus | null;

  @Enum({ items: [...FINDING_STATUSES], type: 'string', columnType: 'text' })
  toStatus!: FindingStatus;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  note?: string | null;

  /** The check run that made the change; null for an auditor's. */
  @Property({ type: 'bigint', nullable: true })
  runId?: string | null;
}
