/**
 * Queued runs: an `api` replica does not sync or check (its process serves the graph); its
 * runSync leaves a QUEUED row in the ledger (ledger.ts `enqueueRun`), its runChecks a QUEUED
 * check_run row (modules/check `enqueueCheckRun`), and every worker (HUB_ROLE worker or
 * all) polls for such rows and starts them. Starting is one guarded UPDATE
 * (QUEUED → RUNNING), so of several workers polling at once exactly one runs it; a row
 * whose source is busy waits for the run holding it. Polling, not LISTEN/NOTIFY: nothing
 * is held on a session, so it works behind a transaction-pooling proxy like the schedules.
 */
import type { Orm } from '../db/orm';
import { outsideStatementScope } from '../db/statement-scope';
import type { Source } from '../domain/model';
import type { Logger } from '../log';
import {
  abandonDeadChecks,
  CheckOverlapError,
  type CheckRunOptions,
  type CheckRunSummary,
  claimQueuedCheck,
  queuedCheckRuns,
  requeueCheck,
} from '../modules/check';
import { QueuedRunTakenError, RunOverlapError } from './ledger';
import type { RunOptions, RunSummary } from './runner';
import type { SyncTrigger } from './sync-run.entity';

export const QUEUE_POLL_MS = 1_000;

interface Runner {
  orm: Orm;
  enabledSources(): Source[];
  run(source: Source, options: RunOptions): Promise<RunSummary>;
}

/** The checks, as the worker's queue runs them (CheckService). */
interface CheckRunner {
  orm: Orm;
  run(options: CheckRunOptions): Promise<CheckRunSummary>;
}

interface QueuedRow {
  id: string;
  source: Source;
  mode: string;
  trigger: SyncTrigger;
}

export class RunQueue {
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private readonly running = new Map<Source | 'checks', Promise<unknown>>();
  private readonly abort = new AbortController();

  constructor(
    private readonly sync: Runner,
    private readonly log: Logger,
    private readonly checks: CheckRunner | null = null,
    private readonly pollMs = QUEUE_POLL_MS,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.polling ??= this.poll().finally(() => {
        this.polling = null;
      });
    }, this.pollMs);
    this.timer.unref();
  }

  /** Starts the queued runs this worker can take now; public so tests can drive it. */
  async poll(): Promise<void> {
    await this.pollSyncs();
    if (this.checks) await this.pollChecks(this.checks);
  }

  private async pollChecks(checks: CheckRunner): Promise<void> {
    if (this.abort.signal.aborted || this.running.has('checks')) return;
    const em = checks.orm.em.fork();
    let id: string | undefined;
    try {
      await abandonDeadChecks(em);
      for (const queued of await queuedCheckRuns(em)) {
        if (await claimQueuedCheck(em, queued)) {
          id = queued;
          break;
        }
      }
    } catch (e) {
      this.log.warn(
        { event: 'queue_poll_failed', reason: String((e as Error)?.message ?? e) },
        'queue poll failed',
      );
      return;
    }
    if (!id) return;
    const runId = id;
    const run = outsideStatementScope(() => checks.run({ trigger: 'GRAPH', queuedRunId: runId }))
      .catch(async (e) => {
        if (e instanceof CheckOverlapError) return requeueCheck(checks.orm.em.fork(), runId);
        this.log.error(
          { event: 'queued_run_failed', runId, kind: 'checks', err: { message: String(e?.message ?? e) } },
          'queued check run failed',
        );
      })
      .finally(() => this.running.delete('checks'));
    this.running.set('checks', run);
  }

  private async pollSyncs(): Promise<void> {
    let rows: QueuedRow[];
    try {
      rows = await this.sync.orm.em.fork().execute<QueuedRow[]>(
        `select q.id, q.source, q.mode, q.trigger from sync_run q
          where q.status = 'QUEUED' and q.source in (select jsonb_array_elements_text(?::jsonb))
            and not exists (select 1 from sync_run r where r.source = q.source and r.status = 'RUNNING')
          order by q.id`,
        [JSON.stringify(this.sync.enabledSources())],
      );
    } catch (e) {
      this.log.warn(
        { event: 'queue_poll_failed', reason: String((e as Error)?.message ?? e) },
        'queue poll failed',
      );
      return;
    }
    for (const row of rows) {
      if (this.abort.signal.aborted || this.running.has(row.source)) continue;
      const id = String(row.id);
      const run = this.sync
        .run(row.source, {
          trigger: row.trigger,
          full: row.mode === 'FULL',
          queuedRunId: id,
          signal: this.abort.signal,
        })
        .then(
          (summary) =>
            this.log.info(
              { event: 'queued_run_finished', runId: id, source: row.source, status: summary.status },
              'queued run finished',
            ),
          (e) => {
            // Taken by another worker, or its source busy since the poll: left to them.
            if (e instanceof QueuedRunTakenError || e instanceof RunOverlapError) return;
            this.log.error(
              {
                event: 'queued_run_failed',
                runId: id,
                source: row.source,
                err: { message: String(e?.message ?? e) },
              },
              'queued run failed',
            );
          },
        )
        .finally(() => this.running.delete(row.source));
      this.running.set(row.source, run);
    }
  }

  /** Resolves when the queued runs this worker started have ended. */
  async idle(): Promise<void> {
    await this.polling;
    await Promise.allSettled([...this.running.values()]);
  }

  /** Stops polling, asks running queued runs to stop after their current page, waits for them. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.abort.abort();
    await this.polling;
    await Promise.allSettled([...this.running.values()]);
  }
}
