/**
 * Which PostgreSQL backends are running a statement for one piece of work (a graph
 * request), so that work can be cancelled with its SQL: `pg_cancel_backend` on exactly
 * those backends, leaving other requests and the syncs alone. The work runs inside an
 * AsyncLocalStorage scope; node-postgres's `Client.query` (used by MikroORM's pool) notes
 * its client in the scope while a statement runs. Outside a scope nothing is recorded.
 *
 * A scope may also carry a statement_timeout (STATEMENT_TIMEOUT for graph requests). The
 * pool's connections are shared with the syncs and checks, so the setting follows the
 * work, not the connection: before a statement runs, a connection whose session setting
 * differs from what the caller wants gets a `set statement_timeout` (or `reset`, outside a
 * scope) queued ahead of it on the same connection. That is one extra message only when a
 * connection changes hands between a request and other work; it is sent before the
 * statement, and so before any BEGIN of the caller's transaction.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Client } from 'pg';
import { withClient } from './pg-client';
import { sqlStateOf } from './pg-errors';

/** SQLSTATE 57014: statement_timeout, pg_cancel_backend. */
const QUERY_CANCELED = '57014';

export class StatementScope {
  /** Client → statements it runs for this scope right now. */
  private readonly running = new Map<Client, number>();

  /** `statementTimeoutMs`: PostgreSQL's statement_timeout for the scope's statements (none: the server's). */
  constructor(readonly statementTimeoutMs: number | null = null) {}

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

/**
 * The statement_timeout each connection's session has from this module: a number of ms,
 * or absent for the server's default. UNKNOWN after a setting failed (sent again next time).
 */
const UNKNOWN = -1;
const sessionTimeouts = new WeakMap<Client, number>();

/** Queues the session setting the caller's statement needs ahead of it, when it differs. */
function applyTimeout(client: Client, original: QueryFn, wanted: number | null): void {
  const current = sessionTimeouts.get(client) ?? null;
  if (current === wanted) return;
  if (wanted === null) sessionTimeouts.delete(client);
  else sessionTimeouts.set(client, wanted);
  const text =
    wanted === null
      ? 'reset statement_timeout'
      : `set statement_timeout = ${Math.max(1, Math.round(wanted))}`;
  const sent = original.call(client, text) as Promise<unknown> | undefined;
  // A failed setting (a broken connection, an aborted transaction) fails the statement
  // behind it too; the next statement sends the setting again.
  sent?.catch?.(() => sessionTimeouts.set(client, UNKNOWN));
}

/** Wraps Client.prototype.query once, per process; a no-op outside scopes. */
function install(): void {
  if (installed) return;
  installed = true;
  const original = Client.prototype.query as unknown as QueryFn;
  const tracked: QueryFn = function (this: Client, config, values, callback) {
    const scope = scopes.getStore();
    applyTimeout(this, original, scope?.statementTimeoutMs ?? null);
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

/**
 * Runs fn outside any scope: work a request starts but does not own (a sync or a check
 * run it launches) is neither cancelled with the request nor held to its statement_timeout.
 */
export function outsideStatementScope<T>(fn: () => T): T {
  return scopes.exit(fn);
}

/** Whether an error is PostgreSQL cancelling a statement (statement_timeout or a cancel request). */
export function isCancelledStatement(error: unknown): boolean {
  return sqlStateOf(error) === QUERY_CANCELED;
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
  await withClient({ connectionString: url, connectionTimeoutMillis: 2000 }, (c) => c.query(sql, params));
}
