import { Entity, PrimaryKey } from '@mikro-orm/core';

/**
 * Keys a full walk has seen, kept until the walk ends: deletion detection compares them
 * with the table. A table rather than memory, so a resumed walk still knows what the
 * interrupted part saw.
 */
@Entity({ tableName: 'sync_seen_key' })
export class SeenKey {
  @PrimaryKey({ type: 'bigint' })
  runId!: string;

  @PrimaryKey({ type: 'string', columnType: 'text' })
  stream!: string;

  @PrimaryKey({ type: 'string', columnType: 'text' })
  key!: string;
}
