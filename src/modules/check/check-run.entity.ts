import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
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
export class CheckRun {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Enum({ items: Object.values(Triggers), type: 'string', columnType: 'text' })
  trigger!: CheckTrigger;

  @Enum({ items: Object.values(Statuses), type: 'string', columnType: 'text' })
  status!: CheckRunStatus;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  startedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  finishedAt!: Date;

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
