/**
 * Which PostgreSQL backends are running a statement for one piece of work (a graph
 * request), so that work can be cancelled with its SQL: `pg_cancel_backend` on exactly
 * those backends, leaving other requests and the syncs alone. The work runs inside an
 * AsyncLocalStorage scope; node-postgres's `Client.query` (used by MikroORM's pool) notes
 * its client in the scope while a statement runs. Outside a scope nothing is recorded.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Client } from 'pg';
import { APPLICATION_NAME } from './session-name';

export class StatementScope {
  /** Client → statements it runs for this scope right now. */
  private readonly running = new Map<Client, number>();

  enter(client: Client): void {
    this.running.set(client, (this.running.get(client) ?? 0) + 1);
  }

  leave(client: Client): void {
    const n = (this.running.get(client) ?? 1) - 1;
    if (n > 0) this.running.set(client, n);
    else this.running.delete(client);
  }

  /** Backend pids with a statement of this scope in flight. */
  backends(): number[] {
    const pids = [...this.running.keys()].map((c) => (c as unknown as { processID?: number }).processID);
    return pids.filter((p): p is number => typeof p === 'number' && p > 0);
  }
}

const scopes = new AsyncLocalStorage<StatementScope>();
let installed = false;

type QueryFn = (this: Client, config: unknown, values?: unknown, callback?: unknown) => unknown;

/** Wraps Client.prototype.query once, per process; a no-op outside scopes. */
function install(): void {
  if (installed) return;
  installed = true;
  const original = Client.prototype.query as unknown as QueryFn;
  const tracked: QueryFn = function (this: Client, config, values, callback) {
    const scope = scopes.getStore();
    // Streams and submittables finish on their own events: not tracked.
    if (!scope || typeof (config as { submit?: unknown })?.submit === 'function')
      return original.call(this, config, values, callback);
    scope.enter(this);
    let left = false;
    const leave = () => {
      if (!left) scope.leave(this);
      left = true;
    };
    if (typeof values === 'function') {
      const cb = values as (e: unknown, r: unknown) => void;
      return original.call(this, config, (e: unknown, r: unknown) => {
        leave();
        cb(e, r);
      });
    }
    if (typeof callback === 'function') {
      const cb = callback as (e: unknown, r: unknown) => void;
      return original.call(this, config, values, (e: unknown, r: unknown) => {
        leave();
        cb(e, r);
      });
    }
    const result = original.call(this, config, values) as Promise<unknown> | undefined;
    if (result && typeof result.then === 'function') result.then(leave, leave);
    else leave();
    return result;
  };
  Client.prototype.query = tracked as unknown as typeof Client.prototype.query;
}

export function runInStatementScope<T>(scope: StatementScope, fn: () => T): T {
  install();
  return scopes.run(scope, fn);
}

/** Asks PostgreSQL to cancel the scope's running statements; returns how many it asked for. */
export async function cancelScope(url: string, scope: StatementScope): Promise<number> {
  const pids = scope.backends();
  if (!pids.length) return 0;
  await cancelBackends(url, 'select pg_cancel_backend(p) from unnest($1::int[]) as p', [pids]);
  return pids.length;
}

/** Cancels every statement this process's pool sessions are running (shutdown). */
export async function cancelSessionsNamed(url: string, applicationName: string): Promise<void> {
  await cancelBackends(
    url,
    `select pg_cancel_backend(pid) from pg_stat_activity
      where application_name = $1 and state <> 'idle' and pid <> pg_backend_pid()`,
    [applicationName],
  );
}

async function cancelBackends(url: string, sql: string, params: unknown[]): Promise<void> {
  const c = new Client({
    connectionString: url,
    connectionTimeoutMillis: 2000,
    application_name: APPLICATION_NAME,
  });
  c.on('error', () => {});
  try {
    await c.connect();
    await c.query(sql, params);
  } finally {
    await c.end().catch(() => {});
  }
}
