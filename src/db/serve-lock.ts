/**
 * One `hub serve` per embedded data folder: the server holds a session advisory lock in
 * that folder's database for its whole life. PostgreSQL drops the lock with the session,
 * so a killed server never leaves a stale lock behind; a second server finds it taken and
 * is refused, naming the holder's pid.
 */
import { logFailure, logger } from '../log';
import { closeClient, openClient } from './pg-client';

/** Any fixed number, distinct from the migration lock. */
const SERVE_LOCK = 73_102_007;
const APP_PREFIX = 'tthc-hub serve pid ';

export class ServeLockTaken extends Error {}

export interface ServeLock {
  release(): Promise<void>;
}

export async function takeServeLock(url: string, what: string): Promise<ServeLock> {
  // A lost connection (PostgreSQL stopped under us) surfaces in the hub's own queries.
  const client = openClient({ connectionString: url, application_name: `${APP_PREFIX}${process.pid}` });
  await client.connect();
  const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [SERVE_LOCK]);
  if (!rows[0]?.ok) {
    const holder = await client.query<{ app: string }>(
      `select a.application_name as app from pg_locks l join pg_stat_activity a on a.pid = l.pid
        where l.locktype = 'advisory' and l.granted and l.classid = 0 and l.objid = $1 and a.datname = current_database()`,
      [SERVE_LOCK],
    );
    await closeClient(client);
    const app = holder.rows[0]?.app ?? '';
    const pid = app.startsWith(APP_PREFIX) ? ` (pid ${app.slice(APP_PREFIX.length)})` : '';
    throw new ServeLockTaken(
      `another hub serve${pid} already serves ${what}; stop it first, or give this one its own HUB_DATA_DIR`,
    );
  }
  return {
    async release() {
      // Ending the session releases the lock too: a failed unlock is only logged.
      await client
        .query('select pg_advisory_unlock($1)', [SERVE_LOCK])
        .catch(logFailure(logger(), 'serve_unlock_failed', 'serve lock not released before closing'));
      await closeClient(client);
    },
  };
}
