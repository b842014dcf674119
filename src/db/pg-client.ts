/**
 * One pg connection beside the ORM's pool (a connection check, the serve and migration
 * locks, cancelling statements, asking the embedded server), opened and closed the same
 * way everywhere: named after the hub, an 'error' listener that logs, an end that logs.
 */
import { Client, type ClientConfig } from 'pg';
import { errorCodeOf } from '../domain/errors';
import { logFailure, logger } from '../log';
import { APPLICATION_NAME } from './session-name';

export function openClient(config: ClientConfig): Client {
  const c = new Client({ application_name: APPLICATION_NAME, ...config });
  // A connection lost while idle (PostgreSQL stopped under us) rejects the next query on
  // it, where its caller handles it; the event itself is only logged, so it cannot crash
  // the process.
  c.on('error', (error) =>
    logger().debug(
      { event: 'pg_side_connection_lost', code: errorCodeOf(error, 'pg_error') },
      'connection lost',
    ),
  );
  return c;
}

/** Ends a side connection. One that does not end cleanly is gone anyway: logged with its code. */
export async function closeClient(c: Client): Promise<void> {
  await c.end().catch(logFailure(logger(), 'pg_side_connection_end_failed', 'connection not closed cleanly'));
}

/** Runs `fn` on a fresh side connection, closed afterwards whatever happens. */
export async function withClient<T>(config: ClientConfig, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = openClient(config);
  try {
    await c.connect();
    return await fn(c);
  } finally {
    await closeClient(c);
  }
}
