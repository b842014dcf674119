/**
 * The run ledger. A run is a row in `sync_run`; a partial unique index allows one RUNNING
 * row per source, so two processes can never run the same source at once. A RUNNING row
 * whose heartbeat went quiet, or whose process on this host is gone, belongs to a dead
 * process: it is marked ABANDONED and its open walk is resumed by the next run.
 */
import { hostname } from 'node:os';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../db/orm';
import { violatedConstraint } from '../db/pg-errors';
import { HubError } from '../domain/errors';
import type { Source } from '../domain/model';
import { abandonDeadLocalRun, describeHolder } from './run-holder';
import type { SyncCounts, SyncMode, SyncRunStatus, SyncTrigger } from './sync-run.entity';

export const WORKER_ID = `${hostname()}:${process.pid}`;

export class RunOverlapError extends HubError {
  constructor(
    readonly source: Source,
    /** Which run holds the source, its worker, heartbeat and abandonment time. */
    readonly holder: string | null = null,
  ) {
    super(
      'sync_already_running',
      `sync_already_running: a ${source} sync is already running${holder ? `: ${holder}` : ''}`,
      { retryable: true },
    );
  }
}

/** Marks RUNNING runs with a stale heartbeat as ABANDONED; returns their ids. */
export async function abandonStaleRuns(
  em: EntityManager,
  timeoutMs: number,
  source?: Source,
): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(
    `update sync_run set status = 'ABANDONED', finished_at = now(), error_code = coalesce(error_code, 'abandoned'),
       error_message = coalesce(error_message, 'the process running it stopped answering')
     where status = 'RUNNING' and heartbeat_at < now() - (? * interval '1 millisecond')
       and (?::text is null or source = ?::text)
     returning id`,
    [timeoutMs, source ?? null, source ?? null],
  );
  return rows.map((r) => String(r.id));
}

/**
 * Makes a run RUNNING by `makeRunning` (an insert, or a queued row's update) once dead
 * holders of the source are abandoned; refused with RunOverlapError while a live run holds it.
 */
async function becomeRunning(
  orm: Orm,
  args: { source: Source; abandonAfterMs: number },
  makeRunning: (em: EntityManager) => Promise<string>,
): Promise<string> {
  const em = orm.em.fork();
  await abandonStaleRuns(em, args.abandonAfterMs, args.source);
  await abandonDeadLocalRun(em, args.source);
  try {
    return await makeRunning(em);
  } catch (e) {
    if (violatedConstraint(e) === 'sync_run_one_running_per_source')
      throw new RunOverlapError(
        args.source,
        await describeHolder(em, args.source, args.abandonAfterMs).catch(() => null),
      );
    throw e;
  }
}

export async function startRun(
  orm: Orm,
  args: { source: Source; mode: SyncMode; trigger: SyncTrigger; abandonAfterMs: number },
): Promise<string> {
  return becomeRunning(orm, args, async (em) => {
    const [row] = await em.execute<{ id: string }[]>(
      `insert into sync_run (source, mode, trigger, status, started_at, heartbeat_at, worker)
       values (?, ?, ?, 'RUNNING', now(), now(), ?) returning id`,
      [args.source, args.mode, args.trigger, WORKER_ID],
    );
    return String(row!.id);
  });
}

/** Another worker started the queued run first: nothing to do here. */
export class QueuedRunTakenError extends HubError {
  constructor(readonly runId: string) {
    super('queued_run_taken', `queued run ${runId} was started by another worker`);
  }
}

/**
 * An api replica's request for a run: a QUEUED ledger row a worker starts (src/sync/queue.ts).
 * While one waits for its source, asking again answers that one (`created` false).
 */
export async function enqueueRun(
  orm: Orm,
  args: { source: Source; full: boolean; trigger: SyncTrigger },
): Promise<{ id: string; created: boolean }> {
  const em = orm.em.fork();
  const mode: SyncMode = args.full ? 'FULL' : 'INCREMENTAL';
  const [row] = await em.execute<{ id: string }[]>(
    `insert into sync_run (source, mode, trigger, status, queued_at, started_at, heartbeat_at, worker)
     values (?, ?, ?, 'QUEUED', now(), now(), now(), ?)
     on conflict (source) where status = 'QUEUED' do nothing returning id`,
    [args.source, mode, args.trigger, WORKER_ID],
  );
  if (row) return { id: String(row.id), created: true };
  const [waiting] = await em.execute<{ id: string }[]>(
    `select id from sync_run where source = ? and status = 'QUEUED'`,
    [args.source],
  );
  // Started by a worker between the two statements: queue a new one.
  if (!waiting) return enqueueRun(orm, args);
  return { id: String(waiting.id), created: false };
}

/**
 * Makes a QUEUED row this process's RUNNING run, with the mode decided now. Refused like a
 * new run while another holds the source; QueuedRunTakenError when another worker took it.
 */
export async function startQueuedRun(
  orm: Orm,
  args: { runId: string; source: Source; mode: SyncMode; abandonAfterMs: number },
): Promise<string> {
  return becomeRunning(orm, args, async (em) => {
    const rows = await em.execute<{ id: string }[]>(
      `update sync_run set status = 'RUNNING', mode = ?, started_at = now(), heartbeat_at = now(), worker = ?
       where id = ? and status = 'QUEUED' returning id`,
      [args.mode, WORKER_ID, args.runId],
    );
    if (!rows.length) throw new QueuedRunTakenError(args.runId);
    return args.runId;
  });
}

/** Adds page counters to the run and refreshes its heartbeat (inside the page's transaction). */
export async function addCounts(em: EntityManager, runId: string, d: Partial<SyncCounts>): Promise<void> {
  await em.execute(
    `update sync_run set pages = pages + ?, requests = requests + ?, retries = retries + ?, throttled = throttled + ?,
       fetched = fetched + ?, inserted = inserted + ?, updated = updated + ?, unchanged = unchanged + ?,
       deleted = deleted + ?, quarantined = quarantined + ?, heartbeat_at = now()
     where id = ?`,
    [
      d.pages ?? 0,
      d.requests ?? 0,
      d.retries ?? 0,
      d.throttled ?? 0,
      d.fetched ?? 0,
      d.inserted ?? 0,
      d.updated ?? 0,
      d.unchanged ?? 0,
      d.deleted ?? 0,
      d.quarantined ?? 0,
      runId,
    ],
  );
}

export async function heartbeat(orm: Orm, runId: string): Promise<void> {
  await orm.em
    .fork()
    .execute(`update sync_run set heartbeat_at = now() where id = ? and status = 'RUNNING'`, [runId]);
}

export async function finishRun(
  orm: Orm,
  runId: string,
  result: {
    status: SyncRunStatus;
    mode: SyncMode;
    resumedFrom: string | null;
    cursorBefore: Record<string, string | null>;
    cursorAfter: Record<string, string | null>;
    heldDeletions: number;
    heldWalks: Record<string, string> | null;
    errorCode: string | null;
    errorMessage: string | null;
  },
): Promise<void> {
  await orm.em.fork().execute(
    `update sync_run set status = ?, mode = ?, resumed_from = ?, cursor_before = ?::jsonb, cursor_after = ?::jsonb,
       held_deletions = ?, held_walks = ?::jsonb, error_code = ?, error_message = ?, finished_at = now(), heartbeat_at = now()
     where id = ?`,
    [
      result.status,
      result.mode,
      result.resumedFrom,
      JSON.stringify(result.cursorBefore),
      JSON.stringify(result.cursorAfter),
      result.heldDeletions,
      result.heldWalks ? JSON.stringify(result.heldWalks) : null,
      result.errorCode,
      result.errorMessage,
      runId,
    ],
  );
}
