import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { FindingKind } from '../../domain/finding';
import {
  type CheckRunStatus,
  type CheckTrigger,
  CheckRunStatus as Statuses,
  CheckTrigger as Triggers,
} from '../../domain/finding';

export interface SkippedKind {
  kind: FindingKind;
  reason: string;
}

/** The latest sync run of a source when the checks read its data. */
export interface SeenSyncRun {
  source: string;
  runId: string | null;
  status: string | null;
  finishedAt: string | null;
}

/** The ledger of consistency check runs, recorded like sync runs. */
@Entity({ tableName: 'check_run' })
@Index({ properties: ['startedAt'] })
// One QUEUED run at most: asking again while one waits answers that one.
@Unique({
  name: 'check_run_one_queued',
  expression: `create unique index "check_run_one_queued" on "check_run" ((true)) where "status" = 'QUEUED'`,
})
export class CheckRun {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Enum({ items: Object.values(Triggers), type: 'string', columnType: 'text' })
  trigger!: CheckTrigger;

  @Enum({ items: Object.values(Statuses), type: 'string', columnType: 'text' })
  status!: CheckRunStatus;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  startedAt!: Date;

  /** Null while QUEUED or RUNNING. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  finishedAt?: Date | null;

  /** A run an api replica queued for a worker: when it was asked for. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  queuedAt?: Date | null;

  /** `host:pid` of the process that ran it. */
  @Property({ type: 'string', columnType: 'text' })
  worker!: string;

  /** For an AFTER_SYNC run, the sync run that triggered it. */
  @Property({ type: 'bigint', nullable: true })
  triggeredBySyncRunId?: string | null;

  @Property({ type: 'json', columnType: 'jsonb' })
  syncRuns: SeenSyncRun[] = [];

  @Property({ type: 'json', columnType: 'jsonb' })
  kindsRan: FindingKind[] = [];

  @Property({ type: 'json', columnType: 'jsonb' })
  kindsSkipped: SkippedKind[] = [];

  @Property({ type: 'integer', default: 0 }) opened = 0;
  @Property({ type: 'integer', default: 0 }) seenAgain = 0;
  @Property({ type: 'integer', default: 0 }) resolved = 0;
  @Property({ type: 'integer', default: 0 }) reopened = 0;
  /** SQL statements the run issued (the benchmark shows it does not grow with the data). */
  @Property({ type: 'integer', default: 0 }) statements = 0;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  errorMessage?: string | null;
}
