/**
 * Queued runs (issue 12): runSync on an api replica leaves a QUEUED ledger row instead of
 * syncing in the api process; a worker starts it within a few seconds and the ledger shows
 * it QUEUED → RUNNING → SUCCEEDED. First in one process (several pollers race for one row),
 * then with a real api process and a real worker process on one database.
 */
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log';
import type { Simulators } from '../../src/simulate';
import { RunQueue } from '../../src/sync/queue';
import { QUIET_SIMULATED_SERVE } from '../support/busy-hub';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestHub, type TestHub, testConfig } from '../support/hub';
import { type HubProcess, spawnHub } from '../support/process';
import { simulatorUrls, startSmallSimulators } from '../support/sims';

const RUN_SYNC = `mutation Run($source: Source!, $full: Boolean) {
  runSync(source: $source, full: $full) { id status mode trigger queuedAt worker }
}`;

const RUN_CHECKS = 'mutation Check { runChecks { id status queuedAt finishedAt } }';

async function checkRow(db: TestDatabase, id: string) {
  return (await db.orm.em.fork().execute(`select * from check_run where id = ?`, [id]))[0]!;
}

interface QueuedRun {
  id: string;
  status: string;
  mode: string;
  trigger: string;
  queuedAt: string | null;
  worker: string;
}

async function ledgerRow(db: TestDatabase, id: string) {
  return (await db.orm.em.fork().execute(`select * from sync_run where id = ?`, [id]))[0]!;
}

describe('runSync on an api replica, in one process', () => {
  let db: TestDatabase;
  let sims: Simulators;
  let api: TestHub;

  beforeAll(async () => {
    db = await createTestDatabase();
    sims = await startSmallSimulators({ procedures: 30, dossiers: 50, feedbacks: 40 });
    api = await startTestHub(
      db,
      testConfig({
        HUB_ROLE: 'api',
        ...simulatorUrls(sims),
      }),
    );
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await sims?.close();
    await db?.drop();
  });

  it('answers a QUEUED run and runs nothing itself; asking again answers the same run', async () => {
    const first = await api.gql<{ runSync: QueuedRun }>(RUN_SYNC, { source: 'PAKN', full: true });
    expect(first.errors).toBeUndefined();
    const run = first.data!.runSync;
    expect(run).toMatchObject({ status: 'QUEUED', mode: 'FULL', trigger: 'GRAPH' });
    expect(run.queuedAt).toBeTruthy();
    const again = await api.gql<{ runSync: QueuedRun }>(RUN_SYNC, { source: 'PAKN' });
    expect(again.data?.runSync.id).toBe(run.id);
    await new Promise((r) => setTimeout(r, 1500));
    const rows = await db.orm.em.fork().execute(`select id, status from sync_run`);
    expect(rows).toEqual([{ id: run.id, status: 'QUEUED' }]);
    expect(await db.orm.em.fork().execute(`select count(*)::int as n from feedback`)).toEqual([{ n: 0 }]);
  });

  it('is started by exactly one of the workers polling for it', async () => {
    const [row] = await db.orm.em.fork().execute(`select id from sync_run where status = 'QUEUED'`);
    const log = createLogger('silent');
    // Three workers' pollers, at the same moment, on a worker hub's services.
    const queues = [1, 2, 3].map(() => new RunQueue(api.services.sync, log));
    await Promise.all(queues.map((q) => q.poll()));
    await Promise.all(queues.map((q) => q.idle()));
    await Promise.all(queues.map((q) => q.stop()));
    const done = await ledgerRow(db, String(row!.id));
    expect(done.status).toBe('SUCCEEDED');
    expect(done.mode).toBe('FULL');
    expect(new Date(done.started_at).getTime()).toBeGreaterThan(new Date(done.queued_at).getTime());
    expect(await db.orm.em.fork().execute(`select count(*)::int as n from sync_run`)).toEqual([{ n: 1 }]);
    expect(await db.orm.em.fork().execute(`select count(*)::int as n from feedback`)).toEqual([{ n: 40 }]);
    expect(done.inserted).toBe(40);
  });

  it('queues runChecks too, and one worker runs it and records it in the queued row', async () => {
    const first = await api.gql<{ runChecks: { id: string; status: string; queuedAt: string | null } }>(
      RUN_CHECKS,
    );
    expect(first.errors).toBeUndefined();
    const run = first.data!.runChecks;
    expect(run).toMatchObject({ status: 'QUEUED', finishedAt: null });
    expect(run.queuedAt).toBeTruthy();
    expect((await api.gql<{ runChecks: { id: string } }>(RUN_CHECKS)).data?.runChecks.id).toBe(run.id);
    expect((await checkRow(db, run.id)).status).toBe('QUEUED');

    const log = createLogger('silent');
    const queues = [1, 2].map(() => new RunQueue(api.services.sync, log, api.services.checks));
    await Promise.all(queues.map((q) => q.poll()));
    await Promise.all(queues.map((q) => q.idle()));
    await Promise.all(queues.map((q) => q.stop()));
    const done = await checkRow(db, run.id);
    expect(done.status).toBe('SUCCEEDED');
    expect(done.finished_at).toBeTruthy();
    // Only PAKN is synced here: every kind is skipped with its reason, recorded in the row.
    expect(done.kinds_skipped.length).toBeGreaterThan(0);
    expect(done.statements).toBeGreaterThan(0);
    expect(await db.orm.em.fork().execute(`select count(*)::int as n from check_run`)).toEqual([{ n: 1 }]);
  });

  it('marks a queued check run whose worker died FAILED, and runs the next one', async () => {
    const em = db.orm.em.fork();
    // A worker claimed this run two minutes ago and died: RUNNING, nobody holding the lock.
    const [dead] = await em.execute(
      `insert into check_run (trigger, status, started_at, queued_at, worker, sync_runs, kinds_ran, kinds_skipped)
       values ('GRAPH', 'RUNNING', now() - interval '2 minutes', now() - interval '3 minutes', 'gone:1', '[]', '[]', '[]')
       returning id::text as id`,
    );
    const next = (await api.gql<{ runChecks: { id: string } }>(RUN_CHECKS)).data!.runChecks.id;
    const queue = new RunQueue(api.services.sync, createLogger('silent'), api.services.checks);
    await queue.poll();
    await queue.idle();
    await queue.stop();
    const abandoned = await checkRow(db, dead!.id);
    expect(abandoned.status).toBe('FAILED');
    expect(abandoned.error_message).toMatch(/^abandoned/);
    expect((await checkRow(db, next)).status).toBe('SUCCEEDED');
  });
});

describe('an api process and a worker process on one database', () => {
  let db: TestDatabase;
  let api: HubProcess;
  let worker: HubProcess;
  let url: string;
  const key = 'queue-test-admin-key-0123456789';

  const env = (role: string): Record<string, string> => ({
    DATABASE_URL: db.url,
    ...QUIET_SIMULATED_SERVE,
    HUB_ROLE: role,
    HUB_ADMIN_KEY: key,
    LOG_LEVEL: 'info',
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    worker = spawnHub(['serve'], env('worker'));
    await worker.waitFor('tthc-hub is up', 150_000);
    api = spawnHub(['serve'], env('api'));
    await api.waitFor('API key:', 120_000);
    url = /graph:\s+(\S+)/.exec(api.stderr())![1]!.replace('localhost', '127.0.0.1');
  }, 300_000);

  afterAll(async () => {
    for (const p of [api, worker]) if (p?.child.exitCode === null) p.child.kill('SIGKILL');
    await db?.drop();
  });

  it('queues the run on the api, and the worker runs it: QUEUED → RUNNING → SUCCEEDED', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ query: RUN_SYNC, variables: { source: 'IGATE', full: true } }),
    });
    const body = (await res.json()) as { data?: { runSync: QueuedRun }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const run = body.data!.runSync;
    expect(run.status).toBe('QUEUED');

    const seen: string[] = [];
    for (let i = 0; i < 600; i++) {
      const row = await ledgerRow(db, run.id);
      if (seen.at(-1) !== row.status) seen.push(row.status);
      if (!['QUEUED', 'RUNNING'].includes(row.status)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    // The walk of 1,500 dossiers takes long enough for the RUNNING state to be seen.
    expect(seen).toEqual(['QUEUED', 'RUNNING', 'SUCCEEDED']);
    const done = await ledgerRow(db, run.id);
    expect(done.worker).toBe(`${hostname()}:${worker.child.pid}`);
    expect(done.fetched).toBeGreaterThanOrEqual(1500);
    expect(worker.stderr() + worker.stdout()).toContain(`"runId":"${run.id}"`);
    expect(api.stderr() + api.stdout()).not.toContain('"event":"sync_run_started"');
  }, 60_000);

  it('queues runChecks on the api, and the worker runs it', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ query: RUN_CHECKS }),
    });
    const body = (await res.json()) as { data?: { runChecks: { id: string; status: string } } };
    const run = body.data!.runChecks;
    expect(run.status).toBe('QUEUED');
    let row = await checkRow(db, run.id);
    for (let i = 0; i < 400 && ['QUEUED', 'RUNNING'].includes(row.status); i++) {
      await new Promise((r) => setTimeout(r, 50));
      row = await checkRow(db, run.id);
    }
    expect(row.status).toBe('SUCCEEDED');
    expect(row.worker).toBe(`${hostname()}:${worker.child.pid}`);
    expect(api.stderr() + api.stdout()).not.toContain('"event":"check_run_finished"');
  }, 60_000);

  it('stops both cleanly', async () => {
    api.child.kill('SIGTERM');
    worker.child.kill('SIGTERM');
    expect(await Promise.all([api.exited, worker.exited])).toEqual([0, 0]);
  }, 30_000);
});
