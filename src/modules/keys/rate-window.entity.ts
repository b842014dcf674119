import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The cost a key spent in one minute. Every replica adds to the same row (one upsert per
 * operation), so a key's limit holds however many replicas serve it.
 */
@Entity({ tableName: 'rate_window' })
export class RateWindow {
  @PrimaryKey({ type: 'string', columnType: 'text' })
  keyName!: string;

  @PrimaryKey({ type: 'datetime', columnType: 'timestamptz' })
  windowStart!: Date;

  @Property({ type: 'integer' })
  cost!: number;
}
