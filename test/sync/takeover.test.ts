/**
 * Crash recovery an operator can read: a run held by a live process is refused with its
 * run id, worker, heartbeat and abandonment time; a run whose process on this host is
 * gone (SIGKILL) is taken over at once, long before SYNC_RUN_TIMEOUT, and the walk ends
 * with every dossier.
 */
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { type HubProcess, spawnHub } from '../support/process';

const env = (db: TestDatabase) => ({
  DATABASE_URL: db.url,
  HUB_SIMULATE: '1',
  SIM_PROCEDURES: '40',
  SIM_DOSSIERS: '3000',
  SIM_FEEDBACKS: '10',
  SYNC_RUN_TIMEOUT: '10m', // far away: only the dead-process check can free the source in time
  LOG_LEVEL: 'warn',
});

async function untilPages(db: TestDatabase, hub: HubProcess, pages: number): Promise<string> {
  const em = db.orm.em.fork();
  for (let i = 0; ; i++) {
    const [run] = await em.execute(
      `select id, pages from sync_run where source = 'IGATE' and status = 'RUNNING' order by id desc limit 1`,
    );
    if (run && run.pages >= pages) return String(run.id);
    if (hub.child.exitCode !== null || i > 1200)
      throw new Error(`the sync ended before it could be interrupted: ${hub.stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function dossiers(db: TestDatabase): Promise<string[]> {
  const rows = await db.orm.em
    .fork()
    .execute(`select code, content_hash from dossier order by code collate "C"`);
  return rows.map((r) => `${r.code}|${r.content_hash}`);
}

describe('an iGate sync holding the source', () => {
  let killed: TestDatabase;
  let clean: TestDatabase;
  beforeAll(async () => {
    [killed, clean] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([killed.drop(), clean.drop()]);
  });

  it('alive: a second sync is refused, naming the run, its worker, heartbeat and abandonment', async () => {
    // The holder: a RUNNING row of a live process on this host (this test's own).
    const worker = `${hostname()}:${process.pid}`;
    const em = clean.orm.em.fork();
    const [held] = await em.execute(
      `insert into sync_run (source, mode, trigger, status, started_at, heartbeat_at, worker)
       values ('IGATE', 'FULL', 'CLI', 'RUNNING', now(), now(), ?) returning id`,
      [worker],
    );
    try {
      const second = spawnHub(['sync', 'igate'], env(clean));
      expect(await second.exited).toBe(1);
      const line = second.stderr().trim().split('\n').at(-1)!;
      expect(line).toContain('sync_already_running: a IGATE sync is already running: ');
      expect(line).toContain(`run ${held!.id} (worker ${worker}, started `);
      expect(line).toMatch(/last heartbeat \d{4}-\d\d-\d\dT[\d:.]+Z \(\d+ s ago\)/);
      expect(line).toMatch(/counts as abandoned from \d{4}-\d\d-\d\dT[\d:.]+Z if it stays silent/);
      const [still] = await em.execute(`select status from sync_run where id = ?`, [held!.id]);
      expect(still?.status).toBe('RUNNING'); // a live holder is never taken over
    } finally {
      await em.execute(`delete from sync_run where id = ?`, [held!.id]);
    }
    // The reference for the next test: one uninterrupted full walk.
    const reference = spawnHub(['sync', 'igate', '--full'], env(clean));
    expect(await reference.exited).toBe(0);
  }, 180_000);

  it('killed: the next sync takes the walk over at once and ends with every dossier', async () => {
    const victim = spawnHub(['sync', 'igate', '--full'], env(killed));
    const dead = await untilPages(killed, victim, 3);
    victim.child.kill('SIGKILL');
    await victim.exited;
    const em = killed.orm.em.fork();
    expect((await em.execute(`select status from sync_run where id = ?`, [dead]))[0]?.status).toBe('RUNNING');

    const next = spawnHub(['sync', 'igate'], env(killed));
    expect(await next.exited, next.stderr()).toBe(0);
    const summary = JSON.parse(next.stdout());
    expect(summary).toMatchObject({ source: 'IGATE', status: 'SUCCEEDED', resumedFrom: dead });
    const [abandoned] = await em.execute(`select status, error_message from sync_run where id = ?`, [dead]);
    expect(abandoned).toMatchObject({ status: 'ABANDONED' });
    expect(abandoned?.error_message).toContain(`its process (pid ${victim.child.pid} on this host) is gone`);

    // Row for row what the uninterrupted run of the first test stored.
    const all = await dossiers(clean);
    expect(all.length).toBeGreaterThan(0);
    expect(await dossiers(killed)).toEqual(all);
  }, 240_000);
});
