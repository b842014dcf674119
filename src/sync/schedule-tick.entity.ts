import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One row per (job, scheduled tick). Every worker's cron fires; the one whose INSERT wins
 * runs the tick, so a tick runs exactly once however many workers share the database.
 */
@Entity({ tableName: 'schedule_tick' })
export class ScheduleTick {
  @PrimaryKey({ type: 'string', columnType: 'text' })
  job!: string;

  @PrimaryKey({ type: 'datetime', columnType: 'timestamptz' })
  tickAt!: Date;

  @Property({ type: 'string', columnType: 'text' })
  worker!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  claimedAt: Date = new Date();

  /** What the tick did: the run id, or why it did nothing (`skipped: overlap`). */
  @Property({ type: 'string', columnType: 'text', nullable: true })
  outcome?: string | null;
}
