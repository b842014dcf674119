/**
 * Webhook notifications (NOTIFY_WEBHOOK_URL): a run failed, deletions are held, a source
 * turned stale. Each is a JSON POST signed with HMAC-SHA256 of the body
 * (`X-Hub-Signature-256: sha256=<hex>`), retried with backoff in the background: a slow
 * or dead receiver never holds up a sync.
 */
import { createHmac, randomUUID } from 'node:crypto';
import axios from 'axios';
import type { Orm } from '../db/orm';
import type { Source } from '../domain/model';
import { type Logger, logFailure } from '../log';
import { type CheckRunSummary, checkEvents } from '../modules/check';
import { WORKER_ID } from './ledger';
import { type RunSummary, syncEvents } from './runner';
import { sourceStatuses } from './sync.queries';

export type NotificationEvent = 'sync_failed' | 'deletions_held' | 'source_stale' | 'findings_high';

export interface Notifier {
  send(event: NotificationEvent, data: Record<string, unknown>): void;
  /** Resolves when every queued delivery has succeeded or given up. */
  drain(): Promise<void>;
  stop(): void;
}

export function sign(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function createNotifier(options: {
  url: string;
  secret: string;
  log: Logger;
  attempts?: number;
  baseDelayMs?: number;
}): Notifier {
  const attempts = options.attempts ?? 6;
  const base = options.baseDelayMs ?? 1000;
  const pending = new Set<Promise<void>>();
  let stopped = false;

  async function deliver(event: NotificationEvent, data: Record<string, unknown>): Promise<void> {
    const id = randomUUID();
    const body = JSON.stringify({ id, event, at: new Date().toISOString(), ...data });
    for (let attempt = 1; attempt <= attempts && !stopped; attempt++) {
      try {
        const res = await axios.post(options.url, body, {
          timeout: 10_000,
          headers: {
            'content-type': 'application/json',
            'x-hub-event': event,
            'x-hub-delivery': id,
            'x-hub-signature-256': sign(body, options.secret),
          },
          validateStatus: () => true,
        });
        if (res.status >= 200 && res.status < 300) return;
        options.log.warn(
          { event: 'notify_retry', notification: event, status: res.status, attempt },
          'webhook refused',
        );
      } catch (e) {
        options.log.warn(
          { event: 'notify_retry', notification: event, attempt, reason: (e as Error).message },
          'webhook failed',
        );
      }
      const wait = Math.min(base * 2 ** (attempt - 1), 60_000) * (0.5 + Math.random() / 2);
      await new Promise((r) => setTimeout(r, wait).unref());
    }
    options.log.error({ event: 'notify_gave_up', notification: event }, 'webhook undelivered');
  }

  return {
    send(event, data) {
      const p = deliver(event, data).finally(() => pending.delete(p));
      pending.add(p);
    },
    async drain() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
    stop() {
      stopped = true;
    },
  };
}

/** Sends the run events this process produces. Returns the unsubscribe function. */
export function notifyRunOutcomes(notifier: Notifier): () => void {
  const listener = (run: RunSummary) => {
    const data = {
      source: run.source,
      runId: run.id,
      status: run.status,
      errorCode: run.errorCode,
      errorMessage: run.errorMessage,
    };
    if (run.status === 'FAILED' || run.status === 'PARTIAL') notifier.send('sync_failed', data);
    if (run.status === 'HELD') notifier.send('deletions_held', { ...data, heldDeletions: run.heldDeletions });
  };
  syncEvents.on('run-finished', listener);
  return () => syncEvents.off('run-finished', listener);
}

/** At most this many findings are listed in one summary; the count says how many there were. */
const HIGH_LISTED = 50;

/**
 * One summary per check run that opened or reopened HIGH findings (only the process that
 * ran the check hears it, so it is sent once). Returns the unsubscribe function.
 */
export function notifyHighFindings(notifier: Notifier, orm: Orm, log: Logger): () => void {
  const listener = (run: CheckRunSummary) => {
    if (run.status !== 'SUCCEEDED' || run.highFindingIds.length === 0) return;
    void orm.em
      .fork()
      .execute<Record<string, unknown>[]>(
        `select id::text as id, kind, subject_code as "subjectCode", national_code as "nationalCode", field, channel,
                status, national_value as "nationalValue", provincial_value as "provincialValue", rule
           from finding where id in (select jsonb_array_elements_text(?::jsonb)::bigint) order by kind, subject_code limit ?`,
        [JSON.stringify(run.highFindingIds), HIGH_LISTED],
      )
      .then((findings) =>
        notifier.send('findings_high', {
          checkRunId: run.id,
          opened: run.opened,
          reopened: run.reopened,
          high: run.highFindingIds.length,
          findings,
        }),
      )
      .catch(logFailure(log, 'notify_findings_unread', 'HIGH findings not read for the webhook'));
  };
  checkEvents.on('run-finished', listener);
  return () => checkEvents.off('run-finished', listener);
}

/**
 * Notifies each source that has turned stale, once per stale episode however many
 * workers check: the episode (source, last success) is claimed with an INSERT that only
 * one worker wins.
 */
export async function notifyStaleSources(args: {
  orm: Orm;
  notifier: Notifier;
  sources: Source[];
  staleAfterMs: number;
}): Promise<Source[]> {
  const em = args.orm.em.fork();
  const statuses = await sourceStatuses(em, {
    sources: args.sources,
    configured: args.sources,
    staleAfterMs: args.staleAfterMs,
  });
  const notified: Source[] = [];
  for (const s of statuses) {
    if (!s.stale || s.running) continue;
    const episode = s.lastSuccessAt ?? new Date(0);
    const claimed = await em.execute(
      `insert into schedule_tick (job, tick_at, worker, outcome) values (?, ?, ?, 'notified') on conflict do nothing returning job`,
      [`notify:stale:${s.source}`, episode, WORKER_ID],
    );
    if (claimed.length === 0) continue;
    args.notifier.send('source_stale', {
      source: s.source,
      lastSuccessAt: s.lastSuccessAt?.toISOString() ?? null,
      lagSeconds: s.lagSeconds,
      lastError: s.lastError ? { code: s.lastError.code, message: s.lastError.message } : null,
    });
    notified.push(s.source);
  }
  return notified;
}
