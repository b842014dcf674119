/**
 * A real `hub serve` worker (HUB_ROLE=worker, no graph port) answers /readyz and /metrics on
 * its loopback METRICS_PORT listener once its schedules run, and closes it on SIGTERM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { freePort } from '../support/net';
import { type HubProcess, spawnHub } from '../support/process';

describe('a worker with METRICS_PORT', () => {
  let db: TestDatabase;
  let worker: HubProcess;
  let ops: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const port = await freePort();
    ops = `http://127.0.0.1:${port}`;
    worker = spawnHub(['serve'], {
      DATABASE_URL: db.url,
      HUB_SIMULATE: '1',
      HUB_ROLE: 'worker',
      METRICS_PORT: String(port),
      SIM_PROCEDURES: '20',
      SIM_DOSSIERS: '100',
      SIM_FEEDBACKS: '20',
      SYNC_SCHEDULE_NATIONAL: '0 0 3 * * *',
      SYNC_SCHEDULE_IGATE: 'off',
      SYNC_SCHEDULE_PAKN: 'off',
      CHECK_SCHEDULE: 'off',
    });
    await worker.waitFor('"event":"schedule_started"', 120_000);
  }, 150_000);

  afterAll(async () => {
    if (worker?.child.exitCode === null) worker.child.kill('SIGKILL');
    await db?.drop();
  });

  it('is ready with its schedules running, and serves metrics without a key', async () => {
    const ready = await fetch(`${ops}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', migrations: 'ok', schedules: 'ok' },
    });
    const metrics = await fetch(`${ops}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/hub_sync_runs\{source="NATIONAL",status="SUCCEEDED"\} 1\n/);
  });

  it('stops on SIGTERM, its listener with it', async () => {
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    await expect(fetch(`${ops}/healthz`)).rejects.toThrow();
  }, 30_000);
});
