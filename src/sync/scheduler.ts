/**
 * Cron schedules that run each tick exactly once across every worker sharing the
 * database. Every worker's cron fires; each tries to INSERT the (job, tick) row and only
 * the one whose insert lands runs it. Nothing is held across the run (no session-level
 * lock), so it works behind a transaction-pooling proxy.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Orm } from '../db/orm';
import { type Logger, logFailure } from '../log';
import { WORKER_ID } from './ledger';

export interface Job {
  name: string;
  expression: string;
  /** Runs the tick; returns what it did, for the tick row. */
  run(signal: AbortSignal): Promise<string>;
}

export const TIMEZONE = 'Asia/Ho_Chi_Minh';

/** How late a job's next tick may be before the schedules count as stuck. */
const OVERDUE_MS = 60_000;

export class Scheduler {
  private tasks: ScheduledTask[] = [];
  private state: 'created' | 'started' | 'stopped' = 'created';
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly busy = new Set<string>();
  private readonly abort = new AbortController();

  constructor(
    private readonly orm: Orm,
    private readonly log: Logger,
    private readonly jobs: Job[],
  ) {}

  start(): void {
    this.state = 'started';
    for (const job of this.jobs) {
      const task = cron.schedule(job.expression, (ctx) => this.fire(job, ctx.date), {
        name: job.name,
        timezone: TIMEZONE,
      });
      this.tasks.push(task);
      this.log.info({ event: 'schedule_started', job: job.name, cron: job.expression }, 'schedule started');
    }
  }

  private fire(job: Job, date: Date): void {
    const p = this.tick(job, date).finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  /** Claims and runs one tick; public so tests can drive ticks without waiting for cron. */
  async tick(job: Job, date: Date): Promise<'ran' | 'not-claimed' | 'skipped'> {
    const tickAt = new Date(Math.floor(date.getTime() / 1000) * 1000);
    const em = this.orm.em.fork();
    let claimed: unknown[];
    try {
      claimed = await em.execute(
        `insert into schedule_tick (job, tick_at, worker) values (?, ?, ?) on conflict do nothing returning job`,
        [job.name, tickAt, WORKER_ID],
      );
    } catch (e) {
      this.log.error(
        { event: 'schedule_claim_failed', job: job.name, err: { message: String((e as Error).message) } },
        'claim failed',
      );
      return 'skipped';
    }
    if (claimed.length === 0) return 'not-claimed';
    let outcome: string;
    if (this.busy.has(job.name)) {
      outcome = 'skipped: the previous run of this job is still going';
    } else {
      this.busy.add(job.name);
      try {
        outcome = await job.run(this.abort.signal);
      } catch (e) {
        outcome = `failed: ${String((e as Error)?.message ?? e).slice(0, 300)}`;
      } finally {
        this.busy.delete(job.name);
      }
    }
    await em
      .execute(`update schedule_tick set outcome = ? where job = ? and tick_at = ?`, [
        outcome,
        job.name,
        tickAt,
      ])
      .catch(logFailure(this.log, 'schedule_tick_unrecorded', 'tick outcome not recorded'));
    this.log.info({ event: 'schedule_tick', job: job.name, tickAt: tickAt.toISOString(), outcome }, 'tick');
    return outcome.startsWith('skipped') ? 'skipped' : 'ran';
  }

  /**
   * Why the schedules are not running, or null when they are (/readyz on workers): started
   * and not stopped, every cron task alive, and none whose next tick is long past.
   */
  problem(now: Date = new Date()): string | null {
    if (this.state === 'created') return 'not started yet (the first syncs are still running)';
    if (this.state === 'stopped') return 'stopped';
    for (const [i, task] of this.tasks.entries()) {
      const job = this.jobs[i]!.name;
      const status = task.getStatus();
      if (status === 'stopped' || status === 'destroyed') return `${job}: its cron task is ${status}`;
      const next = task.getNextRun();
      if (next && now.getTime() - next.getTime() > OVERDUE_MS)
        return `${job}: its tick of ${next.toISOString()} did not fire`;
    }
    return null;
  }

  /** Stops firing, asks running jobs to stop after their current page, and waits for them. */
  async stop(): Promise<void> {
    this.state = 'stopped';
    for (const t of this.tasks) await t.stop();
    this.tasks = [];
    this.abort.abort();
    await Promise.allSettled([...this.inFlight]);
  }
}
