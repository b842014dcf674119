/**
 * One check run: every kind whose sources were read completely, as SQL over the synced
 * tables, folded into the findings, recorded in `check_run`. The whole run is one
 * transaction holding a transaction-level advisory lock, so runs never overlap across
 * replicas (and it works behind a transaction-pooling proxy), and a run that fails
 * changes no finding.
 */
import { hostname } from 'node:os';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../../db/orm';
import type { CheckTrigger, FindingKind } from '../../domain/finding';
import type { SeenSyncRun, SkippedKind } from './check-run.entity';
import { KIND_CHECKS, SEEN_COLUMNS } from './kinds';
import { type MergeCounts, mergeSeen } from './merge';
import { refreshNormalizedText } from './normalized-text';
import { planKinds } from './sources';
import { Statements } from './statements';

/** `host:pid`, as the sync ledger names workers. */
export const WORKER = `${hostname()}:${process.pid}`;
/** Any fixed number: the advisory lock only one check run at a time holds. */
export const CHECK_LOCK = 73_102_010;

export class CheckOverlapError extends Error {
  readonly code = 'check_already_running';
  constructor() {
    super('check_already_running: a check run is already going (on this or another replica)');
  }
}

export interface CheckRunOptions {
  trigger: CheckTrigger;
  triggeredBySyncRunId?: string | null;
  /** The run's instant (tests pin it); default now. */
  now?: Date;
  /** Only these kinds (the rest are skipped with that reason). */
  kinds?: readonly FindingKind[];
  /** The queued check_run row (check-queue.ts) this run records its outcome in. */
  queuedRunId?: string;
}

export interface CheckRunSummary extends Omit<MergeCounts, 'highIds'> {
  id: string;
  trigger: CheckTrigger;
  status: 'SUCCEEDED' | 'FAILED';
  startedAt: Date;
  finishedAt: Date;
  syncRuns: SeenSyncRun[];
  kindsRan: FindingKind[];
  kindsSkipped: SkippedKind[];
  statements: number;
  errorMessage: string | null;
  /** HIGH findings the run opened or reopened. */
  highFindingIds: string[];
}

const SEEN_TABLE = `create temp table check_seen (
  identity text primary key, kind text not null, subject_code text not null, national_code text, field text,
  channel text, agency_code text, sector_code text, national_value text, provincial_value text,
  national_raw jsonb, provincial_raw jsonb, rule text not null, severity text not null) on commit drop`;

/** Columns a kind leaves null have no type of their own: cast each to its column's. */
const SEEN_CASTS = SEEN_COLUMNS.map((c) => `x.${c}::${c.endsWith('_raw') ? 'jsonb' : 'text'}`).join(', ');

const IDENTITY = `x.kind || '|' || x.subject_code || '|' || coalesce(x.field, '') || '|' || coalesce(x.channel, '')`;

export async function runChecks(orm: Orm, options: CheckRunOptions): Promise<CheckRunSummary> {
  const startedAt = options.now ?? new Date();
  const base = {
    trigger: options.trigger,
    startedAt,
    syncRuns: [] as SeenSyncRun[],
    kindsRan: [] as FindingKind[],
    kindsSkipped: [] as SkippedKind[],
    opened: 0,
    seenAgain: 0,
    resolved: 0,
    reopened: 0,
    statements: 0,
    highFindingIds: [] as string[],
  };
  let partial = base;
  try {
    return await orm.em.fork().transactional(async (em) => {
      const sql = new Statements(em as EntityManager);
      const [lock] = await sql.query<{ ok: boolean }>('select pg_try_advisory_xact_lock(?) as ok', [
        CHECK_LOCK,
      ]);
      if (!lock?.ok) throw new CheckOverlapError();
      const id = options.queuedRunId ?? (await nextRunId(sql));
      const plan = await planKinds(sql, options.kinds);
      partial = { ...base, syncRuns: plan.syncRuns, kindsRan: plan.run, kindsSkipped: plan.skipped };
      await refreshNormalizedText(sql);
      await sql.query(SEEN_TABLE);
      for (const kind of plan.run) {
        const check = KIND_CHECKS[kind];
        await sql.query(
          `insert into check_seen (identity, ${SEEN_COLUMNS.join(', ')})
           select ${IDENTITY}, ${SEEN_CASTS} from (${check.sql}) as x(${SEEN_COLUMNS.join(', ')})`,
          check.params({ asOf: startedAt }),
        );
      }
      const merged = await mergeSeen(sql, { id, at: startedAt, kinds: plan.run });
      const { highIds, ...counts } = merged;
      const summary: CheckRunSummary = {
        ...partial,
        ...counts,
        id,
        status: 'SUCCEEDED',
        finishedAt: new Date(),
        statements: sql.count + 1,
        errorMessage: null,
        highFindingIds: highIds,
      };
      await recordRun(sql, summary, options.triggeredBySyncRunId ?? null);
      return summary;
    });
  } catch (e) {
    if (e instanceof CheckOverlapError) throw e;
    const failed: CheckRunSummary = {
      ...partial,
      id: options.queuedRunId ?? '',
      status: 'FAILED',
      finishedAt: new Date(),
      errorMessage: errorText(e),
    };
    const sql = new Statements(orm.em.fork());
    failed.id = await recordRun(sql, failed, options.triggeredBySyncRunId ?? null);
    return failed;
  }
}

/** The database's own message, without the statement knex puts before it. */
function errorText(e: unknown): string {
  const message = String((e as Error)?.message ?? e);
  const cut = message.lastIndexOf(' - ');
  return (cut >= 0 ? message.slice(cut + 3) : message).slice(0, 1000);
}

async function nextRunId(sql: Statements): Promise<string> {
  const [seq] = await sql.query<{ id: string }>(
    `select nextval(pg_get_serial_sequence('check_run', 'id'))::text as id`,
  );
  return seq!.id;
}

/** Inserts the run, or completes its queued row. */
async function recordRun(sql: Statements, run: CheckRunSummary, triggeredBy: string | null): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    `insert into check_run (id, trigger, status, started_at, finished_at, worker, triggered_by_sync_run_id,
       sync_runs, kinds_ran, kinds_skipped, opened, seen_again, resolved, reopened, statements, error_message)
     values (coalesce(?::bigint, nextval(pg_get_serial_sequence('check_run', 'id'))), ?, ?, ?, ?, ?, ?,
       ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?)
     on conflict (id) do update set status = excluded.status, started_at = excluded.started_at,
       finished_at = excluded.finished_at, worker = excluded.worker, sync_runs = excluded.sync_runs,
       kinds_ran = excluded.kinds_ran, kinds_skipped = excluded.kinds_skipped, opened = excluded.opened,
       seen_again = excluded.seen_again, resolved = excluded.resolved, reopened = excluded.reopened,
       statements = excluded.statements, error_message = excluded.error_message
     returning id::text as id`,
    [
      run.id || null,
      run.trigger,
      run.status,
      run.startedAt,
      run.finishedAt,
      WORKER,
      triggeredBy,
      JSON.stringify(run.syncRuns),
      JSON.stringify(run.kindsRan),
      JSON.stringify(run.kindsSkipped),
      run.opened,
      run.seenAgain,
      run.resolved,
      run.reopened,
      run.statements,
      run.errorMessage,
    ],
  );
  return row!.id;
}
