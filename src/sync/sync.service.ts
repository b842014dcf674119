/**
 * What the CLI, the graph and the scheduler call to sync: builds the connector, runs it,
 * and answers questions about runs and sources.
 */

import type { HubConfig } from '../config';
import type { Orm } from '../db/orm';
import { outsideStatementScope } from '../db/statement-scope';
import type { Source } from '../domain/model';
import { SOURCES } from '../domain/model';
import type { Logger } from '../log';
import type { ConnectorFactory } from './connectors';
import { enqueueRun } from './ledger';
import { type RunOptions, type RunSummary, runSync } from './runner';
import type { SyncTrigger } from './sync-run.entity';

export class SyncService {
  constructor(
    readonly orm: Orm,
    readonly config: HubConfig,
    readonly log: Logger,
    private readonly connectors: ConnectorFactory,
  ) {}

  /** The sources this hub is set up to read. */
  enabledSources(): Source[] {
    return SOURCES.filter((s) => Boolean(this.config[s.toLowerCase() as 'national' | 'igate' | 'pakn'].url));
  }

  /**
   * Starts a run and answers with its id as soon as the ledger row exists; the run goes on
   * in the background. Errors before the start (an overlap) reject.
   */
  start(source: Source, options: RunOptions): Promise<string> {
    return new Promise((resolve, reject) => {
      // The run outlives the request that asked for it: not under the request's statement scope.
      outsideStatementScope(() => this.run(source, { ...options, onStarted: resolve })).catch((e) => {
        reject(e);
        this.log.error(
          { event: 'sync_background_failed', source, err: { message: String(e?.message ?? e) } },
          'sync failed',
        );
      });
    });
  }

  /**
   * On an api replica (which does not sync): queues the run for a worker and answers its
   * QUEUED ledger row; a run already waiting for the source is answered instead.
   */
  queue(
    source: Source,
    options: { full: boolean; trigger: SyncTrigger },
  ): Promise<{ id: string; created: boolean }> {
    return enqueueRun(this.orm, { source, ...options });
  }

  /** Whether this process leaves runs to the workers (HUB_ROLE=api). */
  get queuesRuns(): boolean {
    return this.config.role === 'api';
  }

  async run(source: Source, options: RunOptions): Promise<RunSummary> {
    const connector = this.connectors(source);
    try {
      return await runSync(
        {
          orm: this.orm,
          log: this.log,
          connector,
          settings: {
            abandonAfterMs: this.config.runAbandonedAfterMs,
            deleteGuardPercent: this.config.deleteGuardPercent,
            piiRetentionDays: this.config.piiRetentionDays,
          },
        },
        options,
      );
    } finally {
      await connector.close?.();
    }
  }
}

declare module '../graph/context' {
  /** The graph reaches the engine through its services (src/graph sits below src/sync). */
  interface HubServices {
    sync: SyncService;
  }
}
