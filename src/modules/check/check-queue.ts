/**
 * Queued check runs: on an api replica, runChecks leaves a QUEUED `check_run` row (one at
 * most: asking again answers the waiting one); a worker's queue (src/sync/queue.ts) marks
 * it RUNNING with one guarded update, so exactly one worker takes it, and the run then
 * records its outcome in that row.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { CHECK_LOCK, WORKER } from './check.runner';

export async function enqueueCheckRun(em: EntityManager): Promise<{ id: string; created: boolean }> {
  const [row] = await em.execute<{ id: string }[]>(
    `insert into check_run (trigger, status, started_at, queued_at, worker, sync_runs, kinds_ran, kinds_skipped)
     values ('GRAPH', 'QUEUED', now(), now(), ?, '[]', '[]', '[]')
     on conflict ((true)) where status = 'QUEUED' do nothing returning id::text as id`,
    [WORKER],
  );
  if (row) return { id: row.id, created: true };
  const [waiting] = await em.execute<{ id: string }[]>(
    `select id::text as id from check_run where status = 'QUEUED'`,
  );
  // Taken by a worker between the two statements: queue a new one.
  return waiting ? { id: waiting.id, created: false } : enqueueCheckRun(em);
}

/** The QUEUED check runs, oldest first. */
export async function queuedCheckRuns(em: EntityManager): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(
    `select id::text as id from check_run where status = 'QUEUED' order by id`,
  );
  return rows.map((r) => r.id);
}

/** Marks the queued run RUNNING on this worker; false when another worker took it first. */
export async function claimQueuedCheck(em: EntityManager, id: string): Promise<boolean> {
  const rows = await em.execute(
    `update check_run set status = 'RUNNING', started_at = now(), worker = ? where id = ? and status = 'QUEUED' returning id`,
    [WORKER, id],
  );
  return rows.length > 0;
}

/**
 * A claimed run that could not start (another check run holds the lock) waits again: back
 * to QUEUED, or, when a newer request is already waiting, folded into that one.
 */
export async function requeueCheck(em: EntityManager, id: string): Promise<void> {
  await em.execute(
    `update check_run set
       status = case when exists (select 1 from check_run q where q.status = 'QUEUED') then 'FAILED' else 'QUEUED' end,
       finished_at = case when exists (select 1 from check_run q where q.status = 'QUEUED') then now() end,
       error_message = case when exists (select 1 from check_run q where q.status = 'QUEUED')
         then 'folded into a later queued check run' end
     where id = ? and status = 'RUNNING'`,
    [id],
  );
}

/** A claimed run gets the check lock within moments; older RUNNING rows without it are dead. */
const START_GRACE = '1 minute';

/**
 * A queued run whose worker died is RUNNING for good (a check run has no heartbeat): when
 * nobody holds the check lock, RUNNING rows claimed over a minute ago are marked FAILED.
 * Returns their ids.
 */
export async function abandonDeadChecks(em: EntityManager): Promise<string[]> {
  return em.transactional(async (tx) => {
    const [lock] = await tx.execute<{ ok: boolean }[]>('select pg_try_advisory_xact_lock(?) as ok', [
      CHECK_LOCK,
    ]);
    if (!lock?.ok) return [];
    const rows = await tx.execute<{ id: string }[]>(
      `update check_run set status = 'FAILED', finished_at = now(),
         error_message = 'abandoned: the worker running it stopped before it finished'
       where status = 'RUNNING' and started_at < now() - interval '${START_GRACE}'
       returning id::text as id`,
    );
    return rows.map((r) => r.id);
  });
}
