/**
 * What the CLI, the graph, the scheduler and the after-sync trigger call to run checks
 * and change a finding's status. Announces every finished run on `checkEvents`
 * (`run-finished`, a CheckRunSummary): the webhook listens there.
 */
import { EventEmitter } from 'node:events';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../../db/orm';
import type { Logger } from '../../log';
import { CheckOverlapError, type CheckRunOptions, type CheckRunSummary, runChecks } from './check.runner';
import { setFindingStatus } from './finding-status';

export const checkEvents = new EventEmitter();

export class CheckService {
  /** A run asked for while this process runs one: done once, right after it. */
  private queued: CheckRunOptions | null = null;
  private current: Promise<CheckRunSummary> | null = null;

  constructor(
    readonly orm: Orm,
    readonly log: Logger,
  ) {}

  /** One run now; rejects with CheckOverlapError when another replica is running one. */
  async run(options: CheckRunOptions): Promise<CheckRunSummary> {
    const summary = await runChecks(this.orm, options);
    this.log.info(
      {
        event: 'check_run_finished',
        runId: summary.id,
        trigger: summary.trigger,
        status: summary.status,
        opened: summary.opened,
        seenAgain: summary.seenAgain,
        resolved: summary.resolved,
        reopened: summary.reopened,
        skipped: summary.kindsSkipped.map((s) => s.kind),
        statements: summary.statements,
        error: summary.errorMessage,
      },
      'check run finished',
    );
    checkEvents.emit('run-finished', summary);
    return summary;
  }

  /**
   * For triggers (after a sync, a schedule tick): a request while this process is running
   * checks is folded into one more run after it, so a change is never left unchecked; a
   * run on another replica makes this one a no-op (null).
   */
  async request(options: CheckRunOptions): Promise<CheckRunSummary | null> {
    if (this.current) {
      this.queued = options;
      return null;
    }
    let last: CheckRunSummary | null = null;
    let next: CheckRunOptions | null = options;
    while (next) {
      this.queued = null;
      this.current = this.run(next);
      try {
        last = await this.current;
      } catch (e) {
        if (!(e instanceof CheckOverlapError)) throw e;
        this.log.info({ event: 'check_run_skipped', reason: e.message }, 'check run skipped');
      } finally {
        this.current = null;
      }
      next = this.queued;
    }
    return last;
  }

  /** Resolves when no triggered run of this process is going (shutdown waits for it). */
  async idle(): Promise<void> {
    while (this.current) await this.current.catch(() => null);
  }

  acknowledge(em: EntityManager, id: string, note: string, actor: string): Promise<void> {
    return setFindingStatus(em, { id, to: 'ACKNOWLEDGED', note, actor });
  }

  dismiss(em: EntityManager, id: string, note: string, actor: string): Promise<void> {
    return setFindingStatus(em, { id, to: 'WONT_FIX', note, actor });
  }
}

declare module '../../graph/context' {
  /** The graph reaches the checks through its services (src/graph sits below the modules). */
  interface HubServices {
    checks: CheckService;
  }
}
