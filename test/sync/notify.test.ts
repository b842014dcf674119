import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log';
import { afterProcedureDataChanged, changedProcedureData } from '../../src/sync/hooks';
import { notifyRunOutcomes, notifyStaleSources } from '../../src/sync/notify';
import { type RunSummary, runSync, syncEvents } from '../../src/sync/runner';
import { createNotifier, sign } from '../../src/sync/webhook';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { scriptedConnector, sectors } from './scripted-connector';

const log = createLogger('silent');
const SECRET = 'webhook-secret';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A webhook receiver that refuses the first `failFirst` calls. */
async function receiver(failFirst = 0) {
  const received: Received[] = [];
  let calls = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      calls++;
      if (calls <= failFirst) {
        res.writeHead(503).end();
        return;
      }
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/hook`, received, calls: () => calls, close: () => server.close() };
}

describe('notifications and hooks', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());
  beforeEach(() => db.truncate());

  it('signs each webhook with HMAC-SHA256 of the body and retries until delivered', async () => {
    const hook = await receiver(2);
    const notifier = createNotifier({ url: hook.url, secret: SECRET, log, baseDelayMs: 5 });
    notifier.send('sync_failed', { source: 'NATIONAL', runId: '7' });
    await notifier.drain();
    hook.close();
    expect(hook.calls()).toBe(3);
    expect(hook.received).toHaveLength(1);
    const [got] = hook.received;
    // Checked with node:crypto directly, not with the code's own sign().
    const expected = `sha256=${createHmac('sha256', SECRET).update(got!.body).digest('hex')}`;
    expect(got?.headers['x-hub-signature-256']).toBe(expected);
    expect(got?.headers['x-hub-event']).toBe('sync_failed');
    expect(JSON.parse(got!.body)).toMatchObject({ event: 'sync_failed', source: 'NATIONAL', runId: '7' });
  });

  it('does not hold up the sync while the receiver is down', async () => {
    // A receiver that accepts the connection and never answers.
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as { port: number };
    const notifier = createNotifier({
      url: `http://127.0.0.1:${port}/hook`,
      secret: SECRET,
      log,
      baseDelayMs: 50,
    });
    const unsubscribe = notifyRunOutcomes(notifier);
    const connector = scriptedConnector({ sectors: sectors(3), reads: [], failAtPage: 0 });
    const run = await runSync(
      { orm: db.orm, log, settings: { abandonAfterMs: 60_000, deleteGuardPercent: 20 }, connector },
      { trigger: 'CLI' },
    );
    unsubscribe();
    let delivered = false;
    const drained = notifier.drain().then(() => {
      delivered = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(run.status).toBe('FAILED');
    expect(delivered).toBe(false); // the sync returned while its notification was still waiting
    notifier.stop();
    silent.closeAllConnections();
    silent.close();
    await drained;
  });

  it('announces a stale source once per stale episode, however many workers look', async () => {
    const hook = await receiver();
    const notifier = createNotifier({ url: hook.url, secret: SECRET, log, baseDelayMs: 5 });
    await db.orm.em.fork().execute(
      `insert into sync_run (source, mode, trigger, status, started_at, finished_at, heartbeat_at, worker)
       values ('NATIONAL', 'FULL', 'CLI', 'SUCCEEDED', now() - interval '3 days', now() - interval '3 days', now(), 'w')`,
    );
    const args = { orm: db.orm, notifier, sources: ['NATIONAL' as const], staleAfterMs: 26 * 3_600_000 };
    const results = await Promise.all([
      notifyStaleSources(args),
      notifyStaleSources(args),
      notifyStaleSources(args),
    ]);
    await notifier.drain();
    hook.close();
    expect(results.flat()).toEqual(['NATIONAL']);
    expect(hook.received.map((r) => JSON.parse(r.body).event)).toEqual(['source_stale']);
  });

  it('calls the after-sync hook only when a successful run changed procedure data', async () => {
    const seen: string[] = [];
    const unsubscribe = afterProcedureDataChanged((run) => {
      seen.push(run.id);
    }, log);
    // Sectors are reference data: no hook. A changed procedure stream would fire it.
    await runSync(
      {
        orm: db.orm,
        log,
        settings: { abandonAfterMs: 60_000, deleteGuardPercent: 20 },
        connector: scriptedConnector({ sectors: sectors(2), reads: [] }),
      },
      { trigger: 'CLI' },
    );
    unsubscribe();
    expect(seen).toEqual([]);
    const base = { status: 'SUCCEEDED', source: 'NATIONAL' } as const;
    expect(changedProcedureData({ ...base, changedStreams: ['procedures'] } as never)).toBe(true);
    expect(changedProcedureData({ ...base, changedStreams: ['sectors'] } as never)).toBe(false);
    expect(changedProcedureData({ ...base, status: 'FAILED', changedStreams: ['procedures'] } as never)).toBe(
      false,
    );
  });

  it('calls the after-sync hook after a successful run that changed procedures, and goes on when it fails', async () => {
    const seen: string[] = [];
    const unsubscribe = afterProcedureDataChanged(async (run) => {
      seen.push(run.id);
      throw new Error('listener broke');
    }, log);
    const run = {
      id: '41',
      status: 'SUCCEEDED',
      source: 'IGATE',
      changedStreams: ['listings'],
    } as RunSummary;
    syncEvents.emit('run-finished', run);
    syncEvents.emit('run-finished', { ...run, id: '42', changedStreams: [] });
    await new Promise((r) => setImmediate(r));
    unsubscribe();
    syncEvents.emit('run-finished', { ...run, id: '43' });
    expect(seen).toEqual(['41']);
  });

  it('signs with HMAC-SHA256 of the body, as a receiver computes it', () => {
    // printf '{"a":1}' | openssl dgst -sha256 -hmac webhook-secret
    expect(sign('{"a":1}', SECRET)).toBe(
      'sha256=7636aa12ed84a427b685e3c629daaa79b2732c8f15c200a639978d3b48f509f0',
    );
  });
});
