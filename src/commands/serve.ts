/**
 * `hub serve`: by HUB_ROLE, the schedules (worker), the graph (api), or both (all).
 * A source that was never synced is synced before the graph opens, so the first answer
 * is never empty (the port is taken first; graph requests wait for that sync); later
 * starts sync in the background. SIGINT/SIGTERM stop within SHUTDOWN_TIMEOUT.
 */
import { resolveAdminKey } from '../admin-key';
import { createScheduler, openRuntime } from '../app';
import type { HubConfig } from '../config';
import type { Logger } from '../log';
import { hubOps, type OpsServer, startOpsServer } from '../ops';
import { type HubServer, startServer } from '../server';
import { checkAfterSyncs } from '../sync/check-triggers';
import { notifyHighFindings, notifyRunOutcomes, notifyStaleSources } from '../sync/notify';
import { RunQueue } from '../sync/queue';
import { createNotifier, type Notifier } from '../sync/webhook';
import { listenProblem } from './port-check';
import { untilSignal } from './signals';

async function neverSucceeded(
  runtime: Awaited<ReturnType<typeof openRuntime>>,
  source: string,
): Promise<boolean> {
  const rows = await runtime.db.orm.em
    .fork()
    .execute(
      `select 1 from sync_run where source = ? and status in ('SUCCEEDED', 'HELD', 'PARTIAL') limit 1`,
      [source],
    );
  return rows.length === 0;
}

/**
 * The first sync of each enabled source, in the background; the demo (simulated) waits for a
 * source's first ever sync so that it opens with its data. Returns the runs started.
 */
async function startFirstSyncs(
  runtime: Awaited<ReturnType<typeof openRuntime>>,
  log: Logger,
  signal: AbortSignal,
  stopping: Promise<unknown>,
  simulate: boolean,
): Promise<Promise<unknown>[]> {
  const { sync } = runtime.services;
  const runs: Promise<unknown>[] = [];
  for (const source of sync.enabledSources()) {
    if (signal.aborted) break;
    const first = await neverSucceeded(runtime, source);
    const run = sync.run(source, { trigger: 'START', signal }).catch((e) => {
      log.warn(
        { event: 'start_sync_skipped', source, reason: String(e?.message ?? e) },
        'start sync skipped',
      );
    });
    // The demo opens with its data; against real portals (maybe a million dossiers)
    // the graph opens at once and the first sync goes on behind it.
    if (first && simulate) await Promise.race([run, stopping]);
    runs.push(run);
  }
  return runs;
}

/** The banner: where the console, the graph and the ops endpoints are, and the key. */
function upLines(
  config: HubConfig,
  server: HubServer | null,
  opsServer: OpsServer | null,
  admin: ReturnType<typeof resolveAdminKey> | null,
): string[] {
  const lines = [`tthc-hub is up (role ${config.role}${config.simulate ? ', simulated portals' : ''})`];
  if (server) {
    lines.push(`  console: ${server.url.replace(/\/graphql$/, '/console/')}   (sign in with the API key)`);
    lines.push(`  graph:   ${server.url}   (open it in a browser for GraphiQL)`);
  }
  if (opsServer)
    lines.push(`  ops:     http://127.0.0.1:${opsServer.port}/metrics and /readyz   (loopback, no key)`);
  if (admin) {
    if (admin.generated || config.simulate)
      lines.push(
        `  API key: ${admin.key}   (send as X-API-Key${admin.file ? `; kept in ${admin.file}` : ''})`,
      );
    else lines.push('  API key: HUB_ADMIN_KEY');
  }
  lines.push('  Ctrl-C stops everything.');
  return lines;
}

export async function serveCommand(config: HubConfig, log: Logger): Promise<number> {
  // The CLI has already checked the port is free, before anything heavy was loaded.
  const admin = config.role === 'worker' ? null : resolveAdminKey(config);
  const runtime = await openRuntime(config, log, { exclusive: true });
  const { sync } = runtime.services;
  const abort = new AbortController();
  const stopping = untilSignal();
  // A signal during the first sync stops it after its current page, not after its end.
  void stopping.then(() => abort.abort());
  let opened!: () => void;
  const ready = new Promise<void>((resolve) => {
    opened = resolve;
  });

  // Made now, started after the first syncs: /readyz says "not started yet" until then.
  const scheduler = config.role === 'api' ? null : createScheduler(runtime, log);
  const ops = hubOps({
    orm: runtime.db.orm,
    readOrm: runtime.db.readOrm,
    staleAfterMs: config.sourceStaleAfterMs,
    schedules: scheduler,
  });

  // The port is taken before any sync: a server that cannot listen has started nothing
  // but the database, which it closes again.
  let server: HubServer | null = null;
  let opsServer: OpsServer | null = null;
  try {
    const port = config.security.metricsPort;
    if (port !== null) opsServer = await startOpsServer({ port, ops, log });
  } catch (e) {
    await runtime.close();
    const err = e as NodeJS.ErrnoException;
    process.stderr.write(
      `hub serve: cannot listen on METRICS_PORT: ${listenProblem(err, config.security.metricsPort ?? 0, '127.0.0.1')}\n`,
    );
    return 1;
  }
  if (admin) {
    try {
      server = await startServer({
        orm: runtime.db.orm,
        readOrm: runtime.db.readOrm,
        services: runtime.services,
        log,
        port: config.port,
        host: config.host,
        adminKey: admin.key,
        exposeKeyInGraphiql: config.simulate,
        ready,
        requestTimeoutMs: config.requestTimeoutMs,
        ops,
      });
    } catch (e) {
      await opsServer?.close();
      await runtime.close();
      const err = e as NodeJS.ErrnoException;
      process.stderr.write(`hub serve: cannot listen: ${listenProblem(err, config.port, config.host)}\n`);
      return 1;
    }
  }

  // Workers start the runs api replicas queue (runSync on HUB_ROLE=api).
  const queue = scheduler ? new RunQueue(sync, log, runtime.services.checks) : null;
  const notifier = scheduler ? startNotifications(runtime, log) : null;
  // Workers check after every sync that changed procedure data, the first ones included:
  // a fresh simulated hub shows findings as soon as its first syncs are in.
  const stopCheckTriggers = scheduler ? checkAfterSyncs(runtime.services.checks, log) : null;
  const background: Promise<unknown>[] = [];
  if (scheduler) {
    background.push(...(await startFirstSyncs(runtime, log, abort.signal, stopping, config.simulate)));
    if (!abort.signal.aborted) {
      scheduler.start();
      queue?.start();
    }
  }
  opened();

  const lines = upLines(config, server, opsServer, admin);
  if (!abort.signal.aborted) process.stderr.write(`\n${lines.join('\n')}\n\n`);

  await stopping;
  return shutDown({
    config,
    log,
    runtime,
    server,
    opsServer,
    scheduler,
    queue,
    notifier,
    stopCheckTriggers,
    background,
  });
}

/**
 * Stops within SHUTDOWN_TIMEOUT: no new requests, running syncs get part of the time to
 * commit their current page, then every statement still running is cancelled, requests
 * end with a coded error, and the database closes. Past the timeout the process exits
 * anyway (code 1, logged). A second signal exits at once.
 */
async function shutDown(parts: {
  config: HubConfig;
  log: Logger;
  runtime: Awaited<ReturnType<typeof openRuntime>>;
  server: HubServer | null;
  opsServer: OpsServer | null;
  scheduler: { stop(): Promise<void> } | null;
  queue: { stop(): Promise<void> } | null;
  notifier: { stop(): void } | null;
  stopCheckTriggers: (() => unknown) | null;
  background: Promise<unknown>[];
}): Promise<number> {
  const { config, log, runtime, server } = parts;
  const budget = config.shutdownTimeoutMs;
  log.info({ event: 'shutdown_started', timeoutMs: budget }, 'stopping');
  const force = setTimeout(() => {
    log.error({ event: 'shutdown_forced', timeoutMs: budget }, 'shutdown took longer than SHUTDOWN_TIMEOUT');
    process.exit(1);
  }, budget);
  force.unref();
  void untilSignal().then(() => {
    log.warn({ event: 'shutdown_forced', reason: 'second signal' }, 'stopping now');
    process.exit(130);
  });
  const step = async (name: string, share: number, fn: () => Promise<unknown> | unknown) => {
    const finished = await within(Math.round(budget * share), fn);
    log.debug({ event: 'shutdown_step', step: name, finished }, finished ? 'stopped' : 'given up waiting');
  };
  void server?.stopAccepting();
  // Requests have no page to finish: they are cancelled now, their SQL too.
  const requests = server?.endRequests();
  parts.notifier?.stop();
  // The scheduler's stop waits for its jobs' current page; so do the background syncs.
  await step('syncs', 0.4, () =>
    Promise.all([parts.scheduler?.stop(), parts.queue?.stop(), Promise.allSettled(parts.background)]),
  );
  await step('check triggers', 0.05, () => parts.stopCheckTriggers?.());
  await step('checks', 0.1, () => runtime.services.checks.idle());
  await step('statements', 0.05, () => runtime.db.cancelStatements());
  await step('requests', 0.1, () => requests);
  await step('server', 0.1, () => Promise.all([server?.close(), parts.opsServer?.close()]));
  await step('database and simulators', 0.2, () => runtime.close());
  clearTimeout(force);
  log.info({ event: 'shutdown_finished' }, 'stopped');
  return 0;
}

/** Runs fn, waiting at most ms; true when it finished (or failed) in time. */
async function within(ms: number, fn: () => Promise<unknown> | unknown): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const done = Promise.resolve()
    .then(fn)
    .then(
      () => true as const,
      () => true as const,
    );
  try {
    return await Promise.race([done, late]);
  } finally {
    clearTimeout(timer);
  }
}

const STALE_CHECK_MS = 60_000;

/** Webhooks for failed runs, held deletions and stale sources, when NOTIFY_WEBHOOK_URL is set. */
function startNotifications(
  runtime: Awaited<ReturnType<typeof openRuntime>>,
  log: Logger,
): { stop(): void } | null {
  const { webhookUrl, webhookSecret } = runtime.config.notify;
  if (!webhookUrl || !webhookSecret) return null;
  const notifier: Notifier = createNotifier({ url: webhookUrl, secret: webhookSecret, log });
  const unsubscribe = notifyRunOutcomes(notifier);
  const unsubscribeChecks = notifyHighFindings(notifier, runtime.db.orm, log);
  const timer = setInterval(() => {
    notifyStaleSources({
      orm: runtime.db.orm,
      notifier,
      sources: runtime.services.sync.enabledSources(),
      staleAfterMs: runtime.config.sourceStaleAfterMs,
    }).catch((e) =>
      log.warn({ event: 'stale_check_failed', reason: String(e?.message ?? e) }, 'stale check failed'),
    );
  }, STALE_CHECK_MS);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      unsubscribe();
      unsubscribeChecks();
      notifier.stop();
    },
  };
}
