/**
 * A start that cannot work ends at once with one line saying why: a busy port, and each
 * kind of bad DATABASE_URL (missing password, refused login, unknown database,
 * unreachable host). The hub never creates a database named in DATABASE_URL.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../src/db/embedded';
import { createLogger } from '../src/log';
import { freePort } from './support/net';
import { spawnHub } from './support/process';

/** The exit code, or 'hung' when the process outlives the guard (then it is killed). */
async function exitWithin(hub: ReturnType<typeof spawnHub>, ms: number): Promise<number | string> {
  const guard = new Promise<'hung'>((r) => setTimeout(() => r('hung'), ms).unref());
  const outcome = await Promise.race([hub.exited, guard]);
  if (outcome === 'hung') hub.child.kill('SIGKILL');
  return outcome;
}

describe('hub serve on a busy port', () => {
  let busy: Server;
  let port: number;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hub-busy-'));
  beforeAll(async () => {
    port = await freePort();
    busy = createServer();
    await new Promise<void>((r) => busy.listen(port, '127.0.0.1', () => r()));
  });
  afterAll(() => {
    busy.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('exits 1 within 5 s with one line, having started nothing', async () => {
    const hub = spawnHub(['serve'], {
      DATABASE_URL: '',
      HUB_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    });
    expect(await exitWithin(hub, 5000)).toBe(1);
    expect(hub.stderr().trim()).toBe(
      `hub serve: cannot listen: port ${port} on 127.0.0.1 is already in use (another hub serve? set PORT)`,
    );
    // No PostgreSQL was started for its data folder, nothing else was begun.
    expect(existsSync(path.join(dataDir, 'pg'))).toBe(false);
    expect(hub.stdout()).not.toContain('sync_run_started');
  }, 30_000);
});

describe('a bad DATABASE_URL', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hub-pw-'));
  let pg: EmbeddedDatabase;
  beforeAll(async () => {
    // A server of its own that wants a password (scram-sha-256), whatever the suite runs on.
    pg = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      log: createLogger('silent'),
      database: 'postgres',
    });
  }, 120_000);
  afterAll(async () => {
    await pg?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const at = (userInfo: string, database: string) =>
    `postgres://${userInfo}@127.0.0.1:${pg.port}/${database}`;

  async function start(url: string, extra: Record<string, string> = {}) {
    const hub = spawnHub(['serve'], { DATABASE_URL: url, PGPASSWORD: '', LOG_LEVEL: 'warn', ...extra });
    const code = await exitWithin(hub, 30_000);
    const lines = hub.stderr().trim().split('\n');
    return { code, lines, all: hub.stdout() + hub.stderr() };
  }

  it('without a password: one line saying the server wants one', async () => {
    const r = await start(at('postgres', 'postgres'));
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      `hub: cannot connect to the database at ${at('postgres', 'postgres')}: the server asks for a password and DATABASE_URL has none (postgres://user:PASSWORD@host/database) (check DATABASE_URL, or unset it for the embedded one)`,
    ]);
  }, 60_000);

  it('with a wrong password: one line, the password hidden', async () => {
    const r = await start(at('postgres:Sesame-7781', 'postgres'));
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(
      /^hub: cannot connect to the database at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres: login refused: wrong password for user "postgres"/,
    );
    expect(r.all).not.toContain('Sesame-7781');
  }, 60_000);

  it('naming a database that does not exist: one line, and the database is not created', async () => {
    const name = `nosuchdb_${process.pid}`;
    const r = await start(at('postgres:postgres', name));
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toContain(`: database "${name}" does not exist; the hub does not create a database`);
    const admin = new Client({ connectionString: pg.url });
    await admin.connect();
    try {
      const { rows } = await admin.query('select 1 from pg_database where datname = $1', [name]);
      expect(rows).toHaveLength(0);
    } finally {
      await admin.end();
    }
  }, 60_000);

  it('at a host that never answers: one line within the connect timeout', async () => {
    // Accepts the connection and then says nothing, as a firewalled or hung server does.
    const silent = createServer(() => {});
    const silentPort = await freePort();
    await new Promise<void>((r) => silent.listen(silentPort, '127.0.0.1', () => r()));
    try {
      const r = await start(`postgres://hub:secret@127.0.0.1:${silentPort}/hub`, {
        DATABASE_CONNECT_TIMEOUT: '2s',
      });
      expect(r.code).toBe(1);
      expect(r.lines).toEqual([
        `hub: cannot connect to the database at postgres://hub:***@127.0.0.1:${silentPort}/hub: no answer from 127.0.0.1:${silentPort} within 2 s (DATABASE_CONNECT_TIMEOUT) (check DATABASE_URL, or unset it for the embedded one)`,
      ]);
    } finally {
      silent.close();
    }
  }, 60_000);

  it('at a host name that does not resolve: one line', async () => {
    const r = await start('postgres://hub:secret@no-such-host.invalid:5432/hub', {
      DATABASE_CONNECT_TIMEOUT: '2s',
    });
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(
      /^hub: cannot connect to the database at postgres:\/\/hub:\*\*\*@no-such-host\.invalid:5432\/hub: (host "no-such-host\.invalid" not found|no answer from)/,
    );
  }, 60_000);
});
