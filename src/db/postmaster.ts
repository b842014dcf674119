/**
 * Who runs the embedded data folder's PostgreSQL right now. `postmaster.pid` names a pid
 * and a port, but a pid file outlives its process and a pid is reused: a postmaster is
 * taken as this folder's only when its process is a `postgres -D <this folder>` and a
 * connection to its port reports this folder as its data directory. Nothing here ever
 * signals a process.
 */
import { existsSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log';
import { withClient } from './pg-client';

export interface RunningPostmaster {
  pid: number;
  port: number;
}

interface PidFile {
  pid: number;
  port: number;
}

/** The pid file's first line is the pid, its fourth the port (PostgreSQL's own layout). */
function readPidFile(dir: string): PidFile | null {
  const file = path.join(dir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return { pid: 0, port: 0 };
  return { pid, port: Number.isInteger(port) ? port : 0 };
}

function sameFolder(a: string, b: string): boolean {
  const canonical = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return canonical(a) === canonical(b);
}

/**
 * `alive`: a postgres started on this folder; `gone`: no such process, or another
 * program (or a postgres of another folder) now has the pid; `unknown`: no /proc to ask.
 */
function inspectProcess(pid: number, dir: string): 'alive' | 'gone' | 'unknown' {
  if (!existsSync('/proc/self/cmdline')) return exists(pid) ? 'unknown' : 'gone';
  let argv: string[];
  try {
    argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return 'gone';
  }
  if (path.basename(argv[0] ?? '') !== 'postgres') return 'gone';
  const d = argv.indexOf('-D');
  return d >= 0 && argv[d + 1] && sameFolder(argv[d + 1]!, dir) ? 'alive' : 'gone';
}

/** Signal 0 delivers nothing: it only asks whether the pid exists. */
function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The data directory the server on `port` reports, or null when it does not answer. */
async function dataDirectoryOn(port: number, user: string, password: string): Promise<string | null> {
  const config = {
    host: '127.0.0.1',
    port,
    user,
    password,
    database: 'postgres',
    connectionTimeoutMillis: 2000,
  };
  try {
    return await withClient(config, async (c) => {
      const { rows } = await c.query<{ data_directory: string }>('show data_directory');
      return rows[0]?.data_directory ?? null;
    });
  } catch {
    return null;
  }
}

const STARTUP_WAIT_MS = 15_000;

/**
 * The live postmaster of `dir`, or null when none runs (a stale pid file is removed).
 * A postmaster that is ours but does not answer yet (starting, or recovering) is waited
 * for; one that never answers is an error rather than something to kill.
 */
export async function findRunningPostmaster(
  dir: string,
  credentials: { user: string; password: string },
  log: Logger,
): Promise<RunningPostmaster | null> {
  const until = Date.now() + STARTUP_WAIT_MS;
  for (;;) {
    const look = await lookOnce(dir, credentials, log);
    if (!look || 'port' in look) return look;
    if (Date.now() > until) {
      throw new Error(
        `embedded_pg_busy: PostgreSQL (pid ${look.waitFor.pid}) runs on ${dir} but does not answer on port ${look.waitFor.port}; ` +
          'wait for it to finish starting or stopping, or stop it yourself',
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** One look at the pid file: the postmaster, null (none runs), or the one to wait for. */
async function lookOnce(
  dir: string,
  credentials: { user: string; password: string },
  log: Logger,
): Promise<RunningPostmaster | null | { waitFor: PidFile }> {
  const file = readPidFile(dir);
  if (!file) return null;
  const state = file.pid ? inspectProcess(file.pid, dir) : 'gone';
  if (state === 'gone') {
    rmSync(path.join(dir, 'postmaster.pid'), { force: true });
    log.info(
      { event: 'stale_pid_file', pid: file.pid },
      'removed a stale postmaster.pid (no postgres of this folder runs)',
    );
    return null;
  }
  if (file.port) {
    const reported = await dataDirectoryOn(file.port, credentials.user, credentials.password);
    if (reported && sameFolder(reported, dir)) return { pid: file.pid, port: file.port };
    // Another folder's server on that port, and no /proc to ask about the pid: PostgreSQL
    // itself decides at start whether the pid file is stale.
    if (state === 'unknown' && reported) return null;
  }
  return { waitFor: file };
}
