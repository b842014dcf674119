import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { SOURCES, type Source, SYNC_RUN_STATUSES, type SyncRunStatus } from '../domain/model';

export { SYNC_RUN_STATUSES, type SyncRunStatus } from '../domain/model';
export type SyncMode = 'FULL' | 'INCREMENTAL';
export type SyncTrigger = 'SCHEDULE' | 'CLI' | 'GRAPH' | 'START';

/** Counters a run accumulates, page by page, in the same transaction as the page. */
export interface SyncCounts {
  pages: number;
  requests: number;
  retries: number;
  throttled: number;
  fetched: number;
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
  quarantined: number;
}

export function zeroCounts(): SyncCounts {
  return {
    pages: 0,
    requests: 0,
    retries: 0,
    throttled: 0,
    fetched: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    quarantined: 0,
  };
}

/** The ledger: one row per sync run of one source. */
@Entity({ tableName: 'sync_run' })
@Index({ properties: ['source', 'startedAt'] })
@Index({ properties: ['status'] })
// At most one RUNNING run per source, whichever process started it: overlap is impossible.
@Unique({
  name: 'sync_run_one_running_per_source',
  expression: `create unique index "sync_run_one_running_per_source" on "sync_run" ("source") where "status" = 'RUNNING'`,
})
// At most one QUEUED run per source: asking again while one waits answers the waiting one.
@Unique({
  name: 'sync_run_one_queued_per_source',
  expression: `create unique index "sync_run_one_queued_per_source" on "sync_run" ("source") where "status" = 'QUEUED'`,
})
export class SyncRun {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Enum({ items: [...SOURCES], type: 'string', columnType: 'text' })
  source!: Source;

  @Property({ type: 'string', columnType: 'text' })
  mode!: SyncMode;

  @Property({ type: 'string', columnType: 'text' })
  trigger!: SyncTrigger;

  @Enum({ items: [...SYNC_RUN_STATUSES], type: 'string', columnType: 'text' })
  status!: SyncRunStatus;

  /** A run asked for on an api replica: when it was queued for a worker (src/sync/queue.ts). */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  queuedAt?: Date | null;

  /** When it started running (a QUEUED row: when it was queued, until a worker starts it). */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  startedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  finishedAt?: Date | null;

  /** Refreshed while the run works; a RUNNING row whose heartbeat is old was abandoned. */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  heartbeatAt!: Date;

  /** `host:pid` of the process running it. */
  @Property({ type: 'string', columnType: 'text' })
  worker!: string;

  /** A run that resumed an interrupted walk names the run it continued. */
  @Property({ type: 'bigint', nullable: true })
  resumedFrom?: string | null;

  @Property({ type: 'integer', default: 0 }) pages = 0;
  @Property({ type: 'integer', default: 0 }) requests = 0;
  @Property({ type: 'integer', default: 0 }) retries = 0;
  @Property({ type: 'integer', default: 0 }) throttled = 0;
  @Property({ type: 'integer', default: 0 }) fetched = 0;
  @Property({ type: 'integer', default: 0 }) inserted = 0;
  @Property({ type: 'integer', default: 0 }) updated = 0;
  @Property({ type: 'integer', default: 0 }) unchanged = 0;
  @Property({ type: 'integer', default: 0 }) deleted = 0;
  @Property({ type: 'integer', default: 0 }) quarantined = 0;

  /** Records a complete walk no longer saw, held for confirmation by the delete guard. */
  @Property({ type: 'integer', default: 0 })
  heldDeletions = 0;

  /** Per held stream, the walk whose seen keys decide what confirmDeletions tombstones. */
  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  heldWalks?: Record<string, string> | null;

  /** Per-stream cursors before and after: `{ "procedures": "20200214093000" }`. */
  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  cursorBefore?: Record<string, string | null> | null;

  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  cursorAfter?: Record<string, string | null> | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  errorCode?: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  errorMessage?: string | null;
}
