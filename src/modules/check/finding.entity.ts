import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Timestamped } from '../../db/base.entity';
import {
  FINDING_KINDS,
  FINDING_STATUSES,
  type FindingKind,
  type FindingStatus,
  SEVERITIES,
  type Severity,
} from '../../domain/finding';
import type { Channel } from '../../domain/model';

/**
 * One disagreement between portals about one thing (domain.md, "Consistency findings").
 * `identity` is `(kind, subjectCode, field, channel)` as one non-null string, so the same
 * disagreement seen by two check runs is one row, whatever happened in between.
 */
@Entity({ tableName: 'finding' })
@Index({ properties: ['lastSeenAt', 'id'] })
@Index({ properties: ['kind', 'status'] })
@Index({ properties: ['nationalCode'] })
@Index({ properties: ['agencyCode'] })
export class Finding extends Timestamped {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Unique()
  @Property({ type: 'string', columnType: 'text' })
  identity!: string;

  @Enum({ items: [...FINDING_KINDS], type: 'string', columnType: 'text' })
  kind!: FindingKind;

  @Index()
  @Property({ type: 'string', columnType: 'text' })
  subjectCode!: string;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  nationalCode?: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  field?: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  channel?: Channel | null;

  /** The agency the disagreement is about, where one applies. */
  @Property({ type: 'string', columnType: 'text', nullable: true })
  agencyCode?: string | null;

  /** The sector of the listing (else of the national record), for filtering. */
  @Property({ type: 'string', columnType: 'text', nullable: true })
  sectorCode?: string | null;

  /** Short readable values: `20 WORKING_DAY`, `1500000`, `PROVINCE, DISTRICT`, a name. */
  @Property({ type: 'string', columnType: 'text', nullable: true })
  nationalValue?: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  provincialValue?: string | null;

  /** The values as read on each side, before any normalization. */
  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  nationalRaw?: unknown;

  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  provincialRaw?: unknown;

  /** The rule that fired, one readable sentence. */
  @Property({ type: 'string', columnType: 'text' })
  rule!: string;

  @Enum({ items: [...SEVERITIES], type: 'string', columnType: 'text' })
  severity!: Severity;

  @Enum({ items: [...FINDING_STATUSES], type: 'string', columnType: 'text' })
  status!: FindingStatus;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  firstSeenAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  lastSeenAt!: Date;

  /** The check run that last saw it. */
  @Property({ type: 'bigint' })
  lastRunId!: string;
}
