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
import { finishRun, heartbeat, startQueuedRun, startRun } from './ledger';
import { decideMode } from './mode';
import {
  type SyncCounts,
  type SyncMode,
  type SyncRunStatus,
  type SyncTrigger,
  zeroCounts,
} from './sync-run.entity';
import { planWalk, type WalkPlan, type WalkProgress, type WalkResult, walkStream } from './walk';

export interface SyncSettings {
  abandonAfterMs: number;
  deleteGuardPercent: number;
  piiRetentionDays?: number | null;
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
  /** Start this QUEUED ledger row (an api replica's request) instead of opening a new one. */
  queuedRunId?: string;
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

/** Bad credentials or settings, or an interrupted run: no other stream of the run can succeed. */
export function stopsTheRun(e: unknown): boolean {
  return e instanceof ConfigurationError || errorCodeOf(e) === 'sync_interrupted';
}

/** What a run's streams came to: the run's status, decided by the table in the test. */
export function runStatus(outcome: {
  streams: number;
  failures: number;
  heldDeletions: number;
  /** A stream failed in a way that stops the run (configuration, interruption). */
  stopped: boolean;
  interrupted: boolean;
}): SyncRunStatus {
  if (outcome.interrupted) return 'ABANDONED';
  if (outcome.failures === 0) return outcome.heldDeletions > 0 ? 'HELD' : 'SUCCEEDED';
  return outcome.failures < outcome.streams && !outcome.stopped ? 'PARTIAL' : 'FAILED';
}

type RunDeps = { orm: Orm; log: Logger; settings: SyncSettings; connector: Connector };

/** A run this process holds: its ledger row, and the heartbeat that keeps it alive. */
interface ClaimedRun {
  runId: string;
  started: number;
  stopBeating(): void;
}

/** What the stream walks leave for the end of the run. */
interface StreamsOutcome {
  heldWalks: Record<string, string>;
  stopper: unknown;
  firstError: unknown;
}

export async function runSync(deps: RunDeps, options: RunOptions): Promise<RunSummary> {
  const { orm, connector } = deps;
  const mode: SyncMode = await decideMode(
    orm,
    connector.source,
    connector.streams.map((s) => s.name),
    Boolean(options.full),
  );
  const run = await claimRun(deps, options, mode);
  const summary = newSummary(run.runId, connector.source, mode, options.trigger);
  let outcome: StreamsOutcome;
  try {
    outcome = await walkStreams(deps, options, summary);
  } finally {
    run.stopBeating();
  }
  return finishSync(deps, options, run, summary, outcome);
}

/** Opens the ledger row (refused while another run holds the source) and starts beating. */
async function claimRun(deps: RunDeps, options: RunOptions, mode: SyncMode): Promise<ClaimedRun> {
  const { orm, log } = deps;
  const source = deps.connector.source;
  const abandonAfterMs = deps.settings.abandonAfterMs;
  const runId = options.queuedRunId
    ? await startQueuedRun(orm, { runId: options.queuedRunId, source, mode, abandonAfterMs })
    : await startRun(orm, { source, mode, trigger: options.trigger, abandonAfterMs });
  const started = Date.now();
  options.onStarted?.(runId);
  log.info({ event: 'sync_run_started', runId, source, mode, trigger: options.trigger }, 'sync run started');
  const beat = setInterval(
    // A missed beat is retried at the next one; only a run that stops beating is taken for dead.
    () => heartbeat(orm, runId).catch(logFailure(log, 'sync_heartbeat_failed', 'heartbeat not recorded')),
    heartbeatInterval(deps.settings.abandonAfterMs),
  );
  beat.unref();
  return { runId, started, stopBeating: () => clearInterval(beat) };
}

function newSummary(id: string, source: Source, mode: SyncMode, trigger: SyncTrigger): RunSummary {
  return {
    id,
    source,
    mode,
    trigger,
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
}

/** Walks each stream in order (reading its pages and writing each with its checkpoint). */
async function walkStreams(deps: RunDeps, options: RunOptions, summary: RunSummary): Promise<StreamsOutcome> {
  const { orm, connector } = deps;
  const outcome: StreamsOutcome = { heldWalks: {}, stopper: null, firstError: null };
  for (const stream of connector.streams) {
    if (outcome.stopper || options.signal?.aborted) break;
    const plan = await planWalk(orm, connector.source, stream.name, summary.id, Boolean(options.full));
    summary.cursorBefore[stream.name] = plan.cursorBefore;
    if (plan.walkRunId !== summary.id) summary.resumedFrom ??= plan.walkRunId;
    try {
      const r = await walkStream({
        orm,
        source: connector.source,
        stream,
        runId: summary.id,
        plan,
        stats: connector.stats,
        guardPercent: deps.settings.deleteGuardPercent,
        piiRetentionDays: deps.settings.piiRetentionDays,
        signal: options.signal,
        onPage: options.onProgress,
      });
      recordWalk(deps.log, summary, outcome, stream.name, r);
    } catch (e) {
      outcome.firstError ??= e;
      recordFailedWalk(deps.log, summary, stream.name, plan, e);
      if (stopsTheRun(e)) outcome.stopper = e;
    }
  }
  return outcome;
}

function recordWalk(
  log: Logger,
  summary: RunSummary,
  outcome: StreamsOutcome,
  stream: string,
  r: WalkResult,
): void {
  for (const [k, v] of Object.entries(r.counts)) summary.counts[k as keyof SyncCounts] += v;
  summary.cursorAfter[stream] = r.cursorAfter;
  if (r.counts.inserted + r.counts.updated + r.counts.deleted > 0) summary.changedStreams.push(stream);
  if (r.deletion?.held) {
    summary.heldDeletions += r.deletion.vanished;
    outcome.heldWalks[stream] = r.plan.walkRunId;
    log.warn(
      {
        event: 'sync_deletions_held',
        runId: summary.id,
        source: summary.source,
        stream,
        vanished: r.deletion.vanished,
      },
      'deletions held for confirmation',
    );
  }
  summary.streams.push({ stream, ok: true, full: r.plan.full });
}

function recordFailedWalk(
  log: Logger,
  summary: RunSummary,
  stream: string,
  plan: WalkPlan,
  e: unknown,
): void {
  summary.cursorAfter[stream] = plan.cursorBefore;
  summary.streams.push({ stream, ok: false, full: plan.full, errorCode: errorCodeOf(e) });
  log.error(
    {
      event: 'sync_stream_failed',
      runId: summary.id,
      source: summary.source,
      stream,
      code: errorCodeOf(e),
      err: safeError(e),
    },
    'stream failed',
  );
}

/** Settles the status, closes the ledger row, and tells the listeners. */
async function finishSync(
  deps: RunDeps,
  options: RunOptions,
  run: ClaimedRun,
  summary: RunSummary,
  outcome: StreamsOutcome,
): Promise<RunSummary> {
  const { firstError } = outcome;
  const interrupted = errorCodeOf(firstError) === 'sync_interrupted' || (options.signal?.aborted ?? false);
  summary.status = runStatus({
    streams: deps.connector.streams.length,
    failures: summary.streams.filter((s) => !s.ok).length,
    heldDeletions: summary.heldDeletions,
    stopped: Boolean(outcome.stopper),
    interrupted,
  });
  if (firstError) {
    summary.errorCode = interrupted ? 'sync_interrupted' : errorCodeOf(firstError);
    summary.errorMessage = String((firstError as Error)?.message ?? firstError).slice(0, 2000);
  }
  await finishRun(deps.orm, summary.id, {
    status: summary.status,
    mode: summary.mode,
    resumedFrom: summary.resumedFrom,
    cursorBefore: summary.cursorBefore,
    cursorAfter: summary.cursorAfter,
    heldDeletions: summary.heldDeletions,
    heldWalks: Object.keys(outcome.heldWalks).length ? outcome.heldWalks : null,
    errorCode: summary.errorCode,
    errorMessage: summary.errorMessage,
  });
  deps.log.info(
    {
      event: 'sync_run_finished',
      runId: summary.id,
      source: summary.source,
      status: summary.status,
      mode: summary.mode,
      ms: Date.now() - run.started,
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
