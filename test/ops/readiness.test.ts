/**
 * /readyz over real HTTP: ready on a migrated database; 503 naming the migration when one
 * is not applied; on a worker, 503 until its schedules start and again once they stop. The
 * loopback listener (METRICS_PORT) answers without a key; the main port wants one.
 */
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log';
import { hubOps, type OpsServer, startOpsServer } from '../../src/ops';
import { type HubServer, startServer } from '../../src/server';
import { Scheduler } from '../../src/sync/scheduler';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { TEST_KEY, testConfig, testServices } from '../support/hub';

const log = createLogger('silent');

async function readyz(url: string, key: string | null = TEST_KEY) {
  const res = await fetch(url, { headers: key ? { 'x-api-key': key } : {} });
  return {
    status: res.status,
    body: (await res.json()) as { status: string; checks?: Record<string, string> },
  };
}

describe('/readyz', () => {
  let db: TestDatabase;
  let server: HubServer;
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startServer({
      orm: db.orm,
      services: testServices(db, testConfig({ HUB_ROLE: 'api' })),
      log,
      port: 0,
      host: '127.0.0.1',
      adminKey: TEST_KEY,
      exposeKeyInGraphiql: false,
    });
    base = server.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('is ready on a migrated database, for a caller with a key', async () => {
    expect((await readyz(`${base}/readyz`, null)).status).toBe(401);
    expect(await readyz(`${base}/readyz`)).toEqual({
      status: 200,
      body: { status: 'ready', checks: { database: 'ok', migrations: 'ok' } },
    });
  });

  it('is not ready while a known migration is not applied, and names it', async () => {
    const em = db.orm.em.fork();
    const last = (await em.execute(`select * from hub_migrations order by id desc limit 1`))[0]!;
    await em.execute(`delete from hub_migrations where id = ?`, [last.id]);
    try {
      const answer = await readyz(`${base}/readyz`);
      expect(answer.status).toBe(503);
      expect(answer.body.status).toBe('not ready');
      expect(answer.body.checks?.database).toBe('ok');
      expect(answer.body.checks?.migrations).toBe(`1 pending: ${last.name}`);
    } finally {
      await em.execute(`insert into hub_migrations (id, name, executed_at) values (?, ?, ?)`, [
        last.id,
        last.name,
        last.executed_at,
      ]);
    }
    expect((await readyz(`${base}/readyz`)).status).toBe(200);
  });

  describe('on a worker', () => {
    let scheduler: Scheduler;
    let ops: OpsServer;
    let url: string;

    beforeAll(async () => {
      const ticks: string[] = [];
      scheduler = new Scheduler(db.orm, log, [
        {
          name: 'test:every-second',
          expression: '* * * * * *',
          run: async () => {
            ticks.push('tick');
            return 'ran';
          },
        },
      ]);
      ops = await startOpsServer({
        port: 0,
        ops: hubOps({ orm: db.orm, staleAfterMs: 3_600_000, schedules: scheduler }),
        log,
      });
      url = `http://127.0.0.1:${ops.port}/readyz`;
    });
    afterAll(async () => {
      await scheduler?.stop();
      await ops?.close();
    });

    it('is not ready before the schedules start, ready while they run, not ready once stopped', async () => {
      const before = await readyz(url, null);
      expect(before.status).toBe(503);
      expect(before.body.checks).toMatchObject({ database: 'ok', migrations: 'ok' });
      expect(before.body.checks?.schedules).toMatch(/^not started yet/);

      scheduler.start();
      expect(await readyz(url, null)).toEqual({
        status: 200,
        body: { status: 'ready', checks: { database: 'ok', migrations: 'ok', schedules: 'ok' } },
      });

      await scheduler.stop();
      const after = await readyz(url, null);
      expect(after.status).toBe(503);
      expect(after.body.checks?.schedules).toBe('stopped');
    });

    it('listens on loopback only, and serves nothing else there', async () => {
      expect((await fetch(`http://127.0.0.1:${ops.port}/healthz`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${ops.port}/graphql`)).status).toBe(404);
      // From this machine's own network address (as another host would connect) it refuses.
      const external = Object.values(networkInterfaces())
        .flat()
        .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
      if (external) {
        const reachable = await fetch(`http://${external}:${ops.port}/healthz`).then(
          () => true,
          () => false,
        );
        expect(reachable).toBe(false);
      }
    });
  });
});
