import { ArrayType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One version of a national record or a provincial listing: written by a database trigger
 * whenever the row's content hash changes (migration …100200_record_history), with the
 * sync run that was writing that source, so an auditor can see when a value changed.
 */
@Entity({ tableName: 'record_version' })
@Index({ properties: ['tableName', 'code', 'recordedAt'] })
export class RecordVersion {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** `national_procedure` or `provincial_listing`. */
  @Property({ type: 'string', columnType: 'text' })
  tableName!: string;

  @Property({ type: 'string', columnType: 'text' })
  code!: string;

  @Property({ type: 'string', columnType: 'text' })
  contentHash!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  recordedAt!: Date;

  /** The source's RUNNING sync run when the row changed; null for versions from before history was kept. */
  @Property({ type: 'bigint', nullable: true })
  syncRunId?: string | null;

  /** Columns that differ from the previous version; null for the first. */
  @Property({ type: ArrayType, columnType: 'text[]', nullable: true })
  changedFields?: string[] | null;

  /** The row as stored (without the raw payload). */
  @Property({ type: 'json', columnType: 'jsonb' })
  data!: unknown;
}
