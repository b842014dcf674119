import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { Source } from '../domain/model';

/**
 * An upstream record that failed validation: kept with its redacted raw payload, the field
 * and the reason, never dropped. The same bad payload seen again updates the row; a valid
 * version of the same key arriving later marks it resolved.
 */
@Entity({ tableName: 'quarantined_record' })
@Unique({ properties: ['source', 'stream', 'fingerprint'] })
@Index({ properties: ['source', 'stream', 'externalKey'] })
export class QuarantinedRecord {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', columnType: 'text' })
  source!: Source;

  @Property({ type: 'string', columnType: 'text' })
  stream!: string;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  externalKey?: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  field?: string | null;

  @Property({ type: 'string', columnType: 'text' })
  reason!: string;

  /** Hash of key, reason and payload: the identity of "the same bad record". */
  @Property({ type: 'string', columnType: 'text' })
  fingerprint!: string;

  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  raw?: unknown;

  @Property({ type: 'bigint' })
  syncRunId!: string;

  @Property({ type: 'integer', default: 1 })
  timesSeen = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  firstSeenAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  lastSeenAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  resolvedAt?: Date | null;
}
