/**
 * The sync engine across real processes: schedules shared by two workers, a worker
 * killed mid-walk, and a graceful SIGTERM. These take real time (a minute of ticks).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { type HubProcess, spawnHub } from '../support/process';

const TICK_SECONDS = 4;
const OBSERVE_MS = 62_000;

function workerEnv(db: TestDatabase, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: db.url,
    HUB_SIMULATE: '1',
    HUB_ROLE: 'worker',
    SIM_PROCEDURES: '20',
    SIM_DOSSIERS: '200',
    SIM_FEEDBACKS: '50',
    SYNC_SCHEDULE_NATIONAL: `*/${TICK_SECONDS} * * * * *`,
    SYNC_SCHEDULE_IGATE: 'off',
    SYNC_SCHEDULE_PAKN: 'off',
    CHECK_SCHEDULE: 'off',
    SYNC_RUN_TIMEOUT: '20s',
    ...extra,
  };
}

describe('two workers on one database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it(
    'run every scheduled tick exactly once, and stop cleanly on SIGTERM',
    async () => {
      const workers: HubProcess[] = [spawnHub(['serve'], workerEnv(db)), spawnHub(['serve'], workerEnv(db))];
      try {
        await Promise.all(workers.map((w) => w.waitFor('"event":"schedule_started"')));
        const readyAt = new Date();
        await new Promise((r) => setTimeout(r, OBSERVE_MS));
        const stopAt = new Date();

        const stopped = Date.now();
        for (const w of workers) w.child.kill('SIGTERM');
        const codes = await Promise.all(workers.map((w) => w.exited));
        expect(codes).toEqual([0, 0]);
        expect(Date.now() - stopped).toBeLessThan(30_000);

        const em = db.orm.em.fork();
        const ticks = await em.execute(
          `select tick_at, worker, outcome from schedule_tick where job = 'sync:national' and tick_at > ? and tick_at < ? order by tick_at`,
          [readyAt, new Date(stopAt.getTime() - TICK_SECONDS * 1000)],
        );
        expect(ticks.length).toBeGreaterThanOrEqual(Math.floor(OBSERVE_MS / 1000 / TICK_SECONDS) - 2);
        // None missed: consecutive ticks are exactly one interval apart.
        for (let i = 1; i < ticks.length; i++) {
          expect(new Date(ticks[i]!.tick_at).getTime() - new Date(ticks[i - 1]!.tick_at).getTime()).toBe(
            TICK_SECONDS * 1000,
          );
        }
        // Each ran once: one scheduled run per tick, all succeeded, never two at a time.
        expect(ticks.every((t) => /^run \d+: SUCCEEDED$/.test(t.outcome))).toBe(true);
        const runIds = ticks.map((t) => /^run (\d+)/.exec(t.outcome)?.[1]);
        expect(new Set(runIds).size).toBe(ticks.length);
        const runs = await em.execute(
          `select id, started_at, finished_at, worker from sync_run where trigger = 'SCHEDULE' and started_at > ? and started_at < ? order by started_at`,
          [readyAt, new Date(stopAt.getTime() - TICK_SECONDS * 1000)],
        );
        expect(runs.length).toBe(ticks.length);
        for (let i = 1; i < runs.length; i++) {
          expect(new Date(runs[i]!.started_at).getTime()).toBeGreaterThanOrEqual(
            new Date(runs[i - 1]!.finished_at).getTime(),
          );
        }
        // Which worker wins a tick is whichever INSERT lands first: not asserted, since one
        // worker may legitimately win them all; both fired every tick (both crons are running).
      } finally {
        for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
      }
    },
    OBSERVE_MS + 90_000,
  );
});

/** What a table holds, row by row: key, content and tombstone. */
async function snapshot(db: TestDatabase, table: string, key: string): Promise<string[]> {
  const rows = await db.orm.em
    .fork()
    .execute(
      `select ${key} as k, content_hash, deleted_at is not null as gone from ${table} order by ${key} collate "C"`,
    );
  return rows.map((r) => `${r.k}|${r.content_hash}|${r.gone}`);
}

const TABLES: [string, string][] = [
  ['national_procedure', 'code'],
  ['national_agency', 'code'],
  ['national_sector', 'code'],
];

// Each test starts hub processes that sync 3,000 procedures (two or three times): 240 s, as
// 120 s ran out at a load average of 13 while other work shared the 2 cores.
describe('a sync killed with SIGKILL', () => {
  let killed: TestDatabase;
  let clean: TestDatabase;
  beforeAll(async () => {
    [killed, clean] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([killed.drop(), clean.drop()]);
  });

  const env = (db: TestDatabase) => ({
    DATABASE_URL: db.url,
    HUB_SIMULATE: '1',
    SIM_PROCEDURES: '3000',
    SYNC_RUN_TIMEOUT: '1s',
    LOG_LEVEL: 'warn',
  });

  it('resumes from its last committed page, ending row for row where an uninterrupted run ends', async () => {
    const victim = spawnHub(['sync', 'national', '--full'], env(killed));
    const em = killed.orm.em.fork();
    // Kill it once the procedures walk has committed a page or two, well before its end.
    for (let i = 0; ; i++) {
      const [run] = await em.execute(`select pages, status from sync_run order by id desc limit 1`);
      if (run && run.pages >= 3) break;
      if (victim.child.exitCode !== null || i > 600)
        throw new Error(`the sync ended before it could be killed: ${victim.stderr()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    victim.child.kill('SIGKILL');
    await victim.exited;
    const dead = (await em.execute(`select id, status, pages from sync_run order by id desc limit 1`))[0]!;
    expect(dead.status).toBe('RUNNING');
    const partial = Number((await em.execute(`select count(*) as n from national_procedure`))[0]?.n);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(3000);

    await new Promise((r) => setTimeout(r, 1500)); // past SYNC_RUN_TIMEOUT: the dead run is abandoned
    const next = spawnHub(['sync', 'national'], env(killed));
    expect(await next.exited).toBe(0);
    const summary = JSON.parse(next.stdout());
    expect(summary).toMatchObject({ status: 'SUCCEEDED', mode: 'FULL', resumedFrom: String(dead.id) });
    expect(summary.counts.inserted).toBe(3000 - partial + 0); // only what the killed run had not committed
    const [abandoned] = await em.execute(`select status from sync_run where id = ?`, [dead.id]);
    expect(abandoned?.status).toBe('ABANDONED');

    const reference = spawnHub(['sync', 'national', '--full'], env(clean));
    expect(await reference.exited).toBe(0);
    for (const [table, key] of TABLES) {
      expect(await snapshot(killed, table, key), table).toEqual(await snapshot(clean, table, key));
    }
  }, 240_000);
});

describe('SIGTERM during a long sync', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('stops after the current page, leaves a resumable run and exits 0 quickly', async () => {
    const hub = spawnHub(['serve'], {
      DATABASE_URL: db.url,
      HUB_SIMULATE: '1',
      HUB_ROLE: 'worker',
      SIM_PROCEDURES: '3000',
      SYNC_SCHEDULE_NATIONAL: 'off',
      SYNC_SCHEDULE_IGATE: 'off',
      SYNC_SCHEDULE_PAKN: 'off',
      CHECK_SCHEDULE: 'off',
      LOG_LEVEL: 'info',
    });
    const em = db.orm.em.fork();
    for (let i = 0; ; i++) {
      const [run] = await em.execute(
        `select pages from sync_run where source = 'NATIONAL' order by id desc limit 1`,
      );
      if (run && run.pages >= 3) break;
      if (hub.child.exitCode !== null || i > 600)
        throw new Error(`no long sync to interrupt: ${hub.stderr()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const sent = Date.now();
    hub.child.kill('SIGTERM');
    expect(await hub.exited).toBe(0);
    expect(Date.now() - sent).toBeLessThan(30_000);
    const [run] = await em.execute(
      `select status, error_code from sync_run where source = 'NATIONAL' order by id desc limit 1`,
    );
    expect(run).toMatchObject({ status: 'ABANDONED', error_code: 'sync_interrupted' });
    const [state] = await em.execute(
      `select walk_run_id, walk_checkpoint from sync_stream_state where source = 'NATIONAL' and stream = 'procedures'`,
    );
    expect(state?.walk_checkpoint).toBeTruthy(); // the next run resumes here
    expect(await em.execute(`select 1 from sync_run where status = 'RUNNING'`)).toHaveLength(0);
  }, 240_000);
});
