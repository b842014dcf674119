/**
 * The webhook transport (NOTIFY_WEBHOOK_URL): each notification is a JSON POST signed with
 * HMAC-SHA256 of the body (`X-Hub-Signature-256: sha256=<hex>`), retried with backoff in
 * the background by the kit's retry loop: a slow or dead receiver never holds up a sync.
 * Which events are sent, and when, is notify.ts (the policy).
 */
import { createHmac, randomUUID } from 'node:crypto';
import axios from 'axios';
import { ConnectorError } from '../../connectors/kit/errors';
import { backoffMs, type RetryDecision, withRetries } from '../../connectors/kit/retry';
import { errorCodeOf } from '../domain/errors';
import type { Logger } from '../log';

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

/** A webhook backoff is longer than an upstream call's: a receiver may be down for minutes. */
const MAX_DELAY_MS = 60_000;

export function createNotifier(options: {
  url: string;
  secret: string;
  log: Logger;
  /** Deliveries tried, the first included. */
  attempts?: number;
  baseDelayMs?: number;
}): Notifier {
  const attempts = options.attempts ?? 6;
  const policy = {
    maxRetries: attempts - 1,
    baseDelayMs: options.baseDelayMs ?? 1000,
    maxDelayMs: MAX_DELAY_MS,
  };
  const pending = new Set<Promise<void>>();
  let stopped = false;

  /** Any failure is retried (a receiver's 4xx may be a deploy in progress) until the attempts run out. */
  function decide(failures: number): RetryDecision {
    if (stopped || failures >= attempts) return { retry: false, reason: 'gave_up', waitMs: 0 };
    return { retry: true, reason: 'undelivered', waitMs: backoffMs(failures, policy) };
  }

  async function post(event: NotificationEvent, id: string, body: string): Promise<void> {
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
    if (res.status < 200 || res.status >= 300)
      throw new ConnectorError(`http_${res.status}`, `webhook answered HTTP ${res.status}`, {
        status: res.status,
      });
  }

  async function deliver(event: NotificationEvent, data: Record<string, unknown>): Promise<void> {
    if (stopped) return;
    const id = randomUUID();
    const body = JSON.stringify({ id, event, at: new Date().toISOString(), ...data });
    try {
      await withRetries(() => post(event, id, body), {
        decide: (_error, failures) => decide(failures),
        onRetry: (error, _decision, attempt) =>
          options.log.warn(
            {
              event: 'notify_retry',
              notification: event,
              attempt,
              code: errorCodeOf(error, 'network_error'),
            },
            'webhook not delivered; retrying',
          ),
        ref: false,
      });
    } catch (error) {
      options.log.error(
        { event: 'notify_gave_up', notification: event, code: errorCodeOf(error, 'network_error') },
        'webhook undelivered',
      );
    }
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
