/**
 * One sync run of one source: opens a ledger row, walks each stream of the connector in
 * order, and closes the row with what happened. Streams are independent: one failing
 * makes the run PARTIAL, a configuration error stops it at once.
 */
import { EventEmitter } from 'node:events';
import { ConfigurationError } from '../../connectors/kit/errors';
import type { Connector } from '../../connectors/kit/types';
import type { Orm } from '../db/orm';
import { errorCodeOf as codeOf } from '../domain/errors';
import type { Source } from '../domain/model';
import { type Logger, logFailure } from '../log';
import { finishRun, heartbeat, startRun } from './ledger';
import { decideMode } from './mode';
import {
  type SyncCounts,
  type SyncMode,
  type SyncRunStatus,
  type SyncTrigger,
  zeroCounts,
} from './sync-run.entity';
import { planWalk, type WalkProgress, walkStream } from './walk';

export interface SyncSettings {
  abandonAfterMs: number;
  deleteGuardPercent: number;
}

export interface RunSummary {
  id: string;
  source: Source;
  mode: SyncMode;
  trigger: SyncTrigger;
  status: SyncRunStatus;
  resumedFrom: string | null;
  counts: SyncCounts;
  heldDeletions: number;
  cursorBefore: Record<string, string | null>;
  cursorAfter: Record<string, string | null>;
  streams: { stream: string; ok: boolean; full: boolean; errorCode?: string }[];
  errorCode: string | null;
  errorMessage: string | null;
  /** Streams whose rows changed (inserted, updated or deleted): what the checks care about. */
  changedStreams: string[];
}

/** `run-finished` (RunSummary) after every run: the checks and notifications listen here. */
export const syncEvents = new EventEmitter();

export interface RunOptions {
  full?: boolean;
  trigger: SyncTrigger;
  signal?: AbortSignal;
  onProgress?: (p: WalkProgress) => void;
  /** Called once the ledger row exists (the graph answers with it before the run ends). */
  onStarted?: (runId: string) => void;
}

/** Beats well inside the abandonment timeout, so a live run is never taken for dead. */
export function heartbeatInterval(abandonAfterMs: number): number {
  return Math.max(100, Math.min(5_000, Math.floor(abandonAfterMs / 4)));
}

/** The code a run or stream failure is stored under (a HubError's own; `sync_failed` otherwise). */
export function errorCodeOf(e: unknown): string {
  return codeOf(e, 'sync_failed');
}

/** Bad credentials or settings: no other stream of the run can succeed either. */
function isConfigurationError(e: unknown): boolean {
  return e instanceof ConfigurationError;
}

export async function runSync(
  deps: { orm: Orm; log: Logger; settings: SyncSettings; connector: Connector },
  options: RunOptions,
): Promise<RunSummary> {
  const { orm, log, connector } = deps;
  const source = connector.source;
  const requestedMode: SyncMode = await decideMode(
    orm,
    source,
    connector.streams.map((s) => s.name),
    Boolean(options.full),
  );
  const runId = await startRun(orm, {
    source,
    mode: requestedMode,
    trigger: options.trigger,
    abandonAfterMs: deps.settings.abandonAfterMs,
  });
  const started = Date.now();
  options.onStarted?.(runId);
  log.info(
    { event: 'sync_run_started', runId, source, mode: requestedMode, trigger: options.trigger },
    'sync run started',
  );
  const beat = setInterval(
    // A missed beat is retried at the next one; only a run that stops beating is taken for dead.
    () => heartbeat(orm, runId).catch(logFailure(log, 'sync_heartbeat_failed', 'heartbeat not recorded')),
    heartbeatInterval(deps.settings.abandonAfterMs),
  );
  beat.unref();

  const summary: RunSummary = {
    id: runId,
    source,
    mode: requestedMode,
    trigger: options.trigger,
    status: 'RUNNING',
    resumedFrom: null,
    counts: zeroCounts(),
    heldDeletions: 0,
    cursorBefore: {},
    cursorAfter: {},
    streams: [],
    errorCode: null,
    errorMessage: null,
    changedStreams: [],
  };
  const heldWalks: Record<string, string> = {};
  let fatal: unknown = null;
  let firstError: unknown = null;

  try {
    for (const stream of connector.streams) {
      if (fatal || options.signal?.aborted) break;
      const plan = await planWalk(orm, source, stream.name, runId, Boolean(options.full));
      summary.cursorBefore[stream.name] = plan.cursorBefore;
      if (plan.walkRunId !== runId) summary.resumedFrom ??= plan.walkRunId;
      try {
        const r = await walkStream({
          orm,
          source,
          stream,
          runId,
          plan,
          stats: connector.stats,
          guardPercent: deps.settings.deleteGuardPercent,
          signal: options.signal,
          onPage: options.onProgress,
        });
        for (const [k, v] of Object.entries(r.counts)) summary.counts[k as keyof SyncCounts] += v;
        summary.cursorAfter[stream.name] = r.cursorAfter;
        if (r.counts.inserted + r.counts.updated + r.counts.deleted > 0)
          summary.changedStreams.push(stream.name);
        const deletion = r.deletion as { held: boolean; vanished: number } | null;
        if (deletion?.held) {
          summary.heldDeletions += deletion.vanished;
          heldWalks[stream.name] = plan.walkRunId;
          log.warn(
            { event: 'sync_deletions_held', runId, source, stream: stream.name, vanished: deletion.vanished },
            'deletions held for confirmation',
          );
        }
        summary.streams.push({ stream: stream.name, ok: true, full: plan.full });
      } catch (e) {
        firstError ??= e;
        summary.cursorAfter[stream.name] = plan.cursorBefore;
        summary.streams.push({ stream: stream.name, ok: false, full: plan.full, errorCode: errorCodeOf(e) });
        log.error(
          {
            event: 'sync_stream_failed',
            runId,
            source,
            stream: stream.name,
            code: errorCodeOf(e),
            err: safeError(e),
          },
          'stream failed',
        );
        if (isConfigurationError(e) || errorCodeOf(e) === 'sync_interrupted') fatal = e;
      }
    }
  } finally {
    clearInterval(beat);
  }

  const failures = summary.streams.filter((s) => !s.ok).length;
  const interrupted = errorCodeOf(firstError) === 'sync_interrupted' || (options.signal?.aborted ?? false);
  summary.status = interrupted
    ? 'ABANDONED'
    : failures === 0
      ? summary.heldDeletions > 0
        ? 'HELD'
        : 'SUCCEEDED'
      : failures < connector.streams.length && !fatal
        ? 'PARTIAL'
        : 'FAILED';
  if (firstError) {
    summary.errorCode = interrupted ? 'sync_interrupted' : errorCodeOf(firstError);
    summary.errorMessage = String((firstError as Error)?.message ?? firstError).slice(0, 2000);
  }
  await finishRun(orm, runId, {
    status: summary.status,
    mode: summary.mode,
    resumedFrom: summary.resumedFrom,
    cursorBefore: summary.cursorBefore,
    cursorAfter: summary.cursorAfter,
    heldDeletions: summary.heldDeletions,
    heldWalks: Object.keys(heldWalks).length ? heldWalks : null,
    errorCode: summary.errorCode,
    errorMessage: summary.errorMessage,
  });
  log.info(
    {
      event: 'sync_run_finished',
      runId,
      source,
      status: summary.status,
      mode: summary.mode,
      ms: Date.now() - started,
      ...summary.counts,
      errorCode: summary.errorCode,
    },
    'sync run finished',
  );
  syncEvents.emit('run-finished', summary);
  return summary;
}

/** An error as a log field: its code and message, no payloads. */
export function safeError(e: unknown): { code: string; message: string } {
  return { code: errorCodeOf(e), message: String((e as Error)?.message ?? e).slice(0, 500) };
}
