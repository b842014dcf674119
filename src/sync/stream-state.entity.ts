import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { Source } from '../domain/model';

/**
 * Where each stream of each source stands: its incremental cursor (saved only after the
 * walk that reached it is committed) and, while a walk is under way, the checkpoint of its
 * last committed page, so a killed process resumes instead of restarting.
 */
@Entity({ tableName: 'sync_stream_state' })
export class StreamState {
  @PrimaryKey({ type: 'string', columnType: 'text' })
  source!: Source;

  @PrimaryKey({ type: 'string', columnType: 'text' })
  stream!: string;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  cursor?: string | null;

  /** The run whose walk is in progress (null when no walk is open). */
  @Property({ type: 'bigint', nullable: true })
  walkRunId?: string | null;

  @Property({ type: 'boolean', default: false })
  walkFull = false;

  /** Checkpoint of the last committed page of the open walk. */
  @Property({ type: 'string', columnType: 'text', nullable: true })
  walkCheckpoint?: string | null;

  /** High-water mark reached so far by the open walk. */
  @Property({ type: 'string', columnType: 'text', nullable: true })
  walkCursor?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastFullWalkAt?: Date | null;
}
