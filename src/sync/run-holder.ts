/**
 * Who holds a source: the RUNNING run that keeps another from starting. A run whose
 * worker is this host and whose process is gone (killed, crashed) cannot heartbeat again:
 * it is abandoned at once instead of after SYNC_RUN_TIMEOUT. When the holder is alive (or
 * on another host), the refusal names it, its worker, its last heartbeat and when it
 * would count as abandoned.
 */
import { hostname } from 'node:os';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Source } from '../domain/model';

interface Holder {
  id: string;
  worker: string;
  heartbeat_at: Date | string;
  started_at: Date | string;
}

/** `host:pid` → its pid when the host is this one, else null. */
function localPid(worker: string): number | null {
  const at = worker.lastIndexOf(':');
  if (at < 0 || worker.slice(0, at) !== hostname()) return null;
  const pid = Number(worker.slice(at + 1));
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Signal 0 delivers nothing: it only asks whether the pid exists. */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Abandons the source's RUNNING run when its worker process on this host is gone; returns its id. */
export async function abandonDeadLocalRun(em: EntityManager, source: Source): Promise<string | null> {
  const [run] = await em.execute<Holder[]>(
    `select id, worker, heartbeat_at, started_at from sync_run where status = 'RUNNING' and source = ?`,
    [source],
  );
  if (!run) return null;
  const pid = localPid(run.worker);
  if (pid === null || pid === process.pid || processExists(pid)) return null;
  const rows = await em.execute<{ id: string }[]>(
    `update sync_run set status = 'ABANDONED', finished_at = now(), error_code = coalesce(error_code, 'abandoned'),
       error_message = coalesce(error_message, ?)
     where id = ? and status = 'RUNNING' and worker = ? returning id`,
    [`its process (pid ${pid} on this host) is gone`, run.id, run.worker],
  );
  return rows[0] ? String(rows[0].id) : null;
}

/** The refusal's details: which run, on which worker, last heard of when, abandoned when. */
export async function describeHolder(
  em: EntityManager,
  source: Source,
  abandonAfterMs: number,
): Promise<string | null> {
  const [run] = await em.execute<Holder[]>(
    `select id, worker, heartbeat_at, started_at from sync_run where status = 'RUNNING' and source = ?`,
    [source],
  );
  if (!run) return null;
  const heartbeat = new Date(run.heartbeat_at);
  const abandonedAt = new Date(heartbeat.getTime() + abandonAfterMs);
  const ago = Math.max(0, Math.round((Date.now() - heartbeat.getTime()) / 1000));
  return (
    `run ${run.id} (worker ${run.worker}, started ${new Date(run.started_at).toISOString()}), ` +
    `last heartbeat ${heartbeat.toISOString()} (${ago} s ago); ` +
    `it counts as abandoned from ${abandonedAt.toISOString()} if it stays silent (SYNC_RUN_TIMEOUT)`
  );
}
