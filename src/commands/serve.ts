/**
 * `hub serve`: by HUB_ROLE, the schedules (worker), the graph (api), or both (all).
 * A source that was never synced is synced before the graph opens, so the first answer
 * is never empty; later starts sync in the background. SIGINT/SIGTERM stop the
 * schedules, let the current page commit, close the database and exit 0.
 */
import { resolveAdminKey } from '../admin-key';
import { createScheduler, openRuntime } from '../app';
import type { HubConfig } from '../config';
import type { Logger } from '../log';
import { startServer } from '../server';
import { checkAfterSyncs } from '../sync/check-triggers';
import {
  createNotifier,
  type Notifier,
  notifyHighFindings,
  notifyRunOutcomes,
  notifyStaleSources,
} from '../sync/notify';
import { untilSignal } from './signals';

const SHUTDOWN_LIMIT_MS = 25_000;

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

export async function serveCommand(config: HubConfig, log: Logger): Promise<number> {
  const admin = config.role === 'worker' ? null : resolveAdminKey(config);
  const runtime = await openRuntime(config, log);
  const { sync } = runtime.services;
  const abort = new AbortController();
  const stopping = untilSignal();
  // A signal during the first sync stops it after its current page, not after its end.
  void stopping.then(() => abort.abort());

  const scheduler = config.role === 'api' ? null : createScheduler(runtime, log);
  const notifier = scheduler ? startNotifications(runtime, log) : null;
  // Workers check after every sync that changed procedure data, the first ones included:
  // a fresh simulated hub shows findings as soon as its first syncs are in.
  const stopCheckTriggers = scheduler ? checkAfterSyncs(runtime.services.checks, log) : null;
  const background: Promise<unknown>[] = [];
  if (scheduler) {
    for (const source of sync.enabledSources()) {
      const first = await neverSucceeded(runtime, source);
      const run = sync.run(source, { trigger: 'START', signal: abort.signal }).catch((e) => {
        log.warn(
          { event: 'start_sync_skipped', source, reason: String(e?.message ?? e) },
          'start sync skipped',
        );
      });
      // The demo opens with its data; against real portals (maybe a million dossiers)
      // the graph opens at once and the first sync goes on behind it.
      if (first && config.simulate) await run;
      else background.push(run);
    }
    if (!abort.signal.aborted) scheduler.start();
  }

  const server =
    admin && !abort.signal.aborted
      ? await startServer({
          orm: runtime.db.orm,
          services: runtime.services,
          log,
          port: config.port,
          host: config.host,
          adminKey: admin.key,
          exposeKeyInGraphiql: config.simulate,
        })
      : null;

  const lines = [`tthc-hub is up (role ${config.role}${config.simulate ? ', simulated portals' : ''})`];
  if (server) {
    lines.push(`  console: ${server.url.replace(/\/graphql$/, '/console/')}   (sign in with the API key)`);
    lines.push(`  graph:   ${server.url}   (open it in a browser for GraphiQL)`);
  }
  if (admin) {
    if (admin.generated || config.simulate)
      lines.push(
        `  API key: ${admin.key}   (send as X-API-Key${admin.file ? `; kept in ${admin.file}` : ''})`,
      );
    else lines.push('  API key: HUB_ADMIN_KEY');
  }
  lines.push('  Ctrl-C stops everything.');
  if (!abort.signal.aborted) process.stderr.write(`\n${lines.join('\n')}\n\n`);

  await stopping;
  log.info({ event: 'shutdown_started' }, 'stopping');
  const force = setTimeout(() => {
    log.error({ event: 'shutdown_forced' }, 'shutdown took too long');
    process.exit(1);
  }, SHUTDOWN_LIMIT_MS);
  force.unref();
  abort.abort();
  const step = async (name: string, fn: () => Promise<unknown> | unknown) => {
    await fn();
    log.debug({ event: 'shutdown_step', step: name }, 'stopped');
  };
  await step('schedules', () => scheduler?.stop());
  await step('check triggers', () => stopCheckTriggers?.());
  await step('checks', () => runtime.services.checks.idle());
  await step('notifications', () => notifier?.stop());
  await step('background syncs', () => Promise.allSettled(background));
  await step('server', () => server?.close());
  await step('database and simulators', () => runtime.close());
  clearTimeout(force);
  log.info({ event: 'shutdown_finished' }, 'stopped');
  return 0;
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
  const unsubscribeChecks = notifyHighFindings(notifier, runtime.db.orm);
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
