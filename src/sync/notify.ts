/**
 * Which notifications are sent, and when: a run failed or held deletions (its
 * `run-finished` event), a check opened HIGH findings, a source turned stale (claimed
 * once per stale episode). They go out through the webhook transport (webhook.ts).
 */
import type { Orm } from '../db/orm';
import type { Source } from '../domain/model';
import { type Logger, logFailure } from '../log';
import { type CheckRunSummary, checkEvents } from '../modules/check';
import { WORKER_ID } from './ledger';
import { type RunSummary, syncEvents } from './runner';
import { sourceStatuses } from './sync.queries';
import type { Notifier } from './webhook';

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
