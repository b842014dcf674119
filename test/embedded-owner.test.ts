/**
 * One owner per embedded data folder: a second hub command uses the PostgreSQL the first
 * started (whatever EMBEDDED_PG_PORT it was given) and leaves it running; a second
 * `hub serve` on the folder is refused; a stale pid file is cleaned up without a signal to
 * whatever process now has that pid.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './support/net';
import { type HubProcess, spawnHub } from './support/process';

const SMALL_WORLD = { SIM_PROCEDURES: '40', SIM_DOSSIERS: '100', SIM_FEEDBACKS: '30' };

async function ask(url: string, key: string, query: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: Record<string, { totalCount: number }>; errors?: unknown[] };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** After a failed test: the folder's own postgres (checked by its command line), if one runs. */
function stopLeftoverPostgres(dir: string): void {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (argv[argv.indexOf('-D') + 1] === dir) process.kill(pid, 'SIGINT');
  } catch {
    /* not running */
  }
}

describe('one embedded data folder, several hub commands', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hub-owner-'));
  const running: HubProcess[] = [];
  afterAll(() => {
    for (const h of running) if (h.child.exitCode === null) h.child.kill('SIGKILL');
    stopLeftoverPostgres(path.join(dataDir, 'pg'));
    rmSync(dataDir, { recursive: true, force: true });
  });
  const env = (pgPort: number, extra: Record<string, string> = {}) => ({
    DATABASE_URL: '',
    HUB_DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    HOST: '127.0.0.1',
    PORT: '0',
    SYNC_SCHEDULE_NATIONAL: 'off',
    SYNC_SCHEDULE_IGATE: 'off',
    SYNC_SCHEDULE_PAKN: 'off',
    CHECK_SCHEDULE: 'off',
    LOG_LEVEL: 'info',
    ...SMALL_WORLD,
    ...extra,
  });

  it('shares the running server with a sync on another EMBEDDED_PG_PORT, and refuses a second serve', async () => {
    const serverPgPort = await freePort();
    const serve = spawnHub(['serve'], env(serverPgPort));
    running.push(serve);
    await serve.waitFor('API key:', 120_000);
    const url = /graph:\s+(\S+)/.exec(serve.stderr())![1]!.replace('localhost', '127.0.0.1');
    const key = /API key:\s+(\S+)/.exec(serve.stderr())![1]!;
    const postmaster = Number(
      readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0],
    );

    const otherPort = await freePort();
    const sync = spawnHub(['sync', 'pakn'], env(otherPort));
    running.push(sync);
    expect(await sync.exited, sync.stderr()).toBe(0);
    expect(JSON.parse(sync.stdout())).toMatchObject({ source: 'PAKN', status: 'SUCCEEDED' });
    expect(sync.stderr()).toContain(`"port":${serverPgPort}`);
    expect(sync.stderr()).toContain('using the embedded postgres another hub process started');
    expect(sync.stderr()).not.toContain('stopping it');
    // The server's PostgreSQL is the same process, still up, and the graph still answers.
    expect(alive(postmaster)).toBe(true);
    const after = await ask(url, key, '{ procedures { totalCount } feedbacks { totalCount } }');
    expect(after.errors).toBeUndefined();
    expect(after.data?.feedbacks?.totalCount).toBe(30);

    const second = spawnHub(['serve'], env(await freePort()));
    running.push(second);
    expect(await second.exited).toBe(1);
    const lines = second.stderr().trim().split('\n');
    expect(lines.at(-1)).toBe(
      `hub: another hub serve (pid ${serve.child.pid}) already serves the data folder ${dataDir}; ` +
        'stop it first, or give this one its own HUB_DATA_DIR',
    );
    expect(alive(postmaster)).toBe(true);
    expect((await ask(url, key, '{ procedures { totalCount } }')).errors).toBeUndefined();

    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false); // the starter stopped it
  }, 240_000);

  it('cleans a stale postmaster.pid naming another live process, and never signals it', async () => {
    const bystander = spawn('sleep', ['120'], { stdio: 'ignore' });
    try {
      const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
      const stale = [
        String(bystander.pid),
        path.join(dataDir, 'pg'),
        '0',
        '1',
        '/tmp',
        '127.0.0.1',
        '0',
        'ready',
      ];
      writeFileSync(pidFile, `${stale.join('\n')}\n`);
      const migrate = spawnHub(['migrate'], env(await freePort()));
      running.push(migrate);
      expect(await migrate.exited, migrate.stderr()).toBe(0);
      expect(migrate.stderr()).toContain('removed a stale postmaster.pid');
      expect(bystander.exitCode).toBeNull();
      expect(bystander.signalCode).toBeNull();
      expect(alive(bystander.pid!)).toBe(true);
      expect(existsSync(pidFile)).toBe(false); // it started PostgreSQL and stopped it again
    } finally {
      bystander.kill('SIGKILL');
    }
  }, 120_000);
});
