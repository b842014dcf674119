/**
 * What starts consistency checks besides a person: the CHECK_SCHEDULE job (claimed per
 * tick like the sync schedules, so a tick runs once across workers) and every successful
 * sync that changed procedure data.
 */

import type { Logger } from '../log';
import type { CheckService } from '../modules/check';
import { CheckOverlapError } from '../modules/check';
import { afterProcedureDataChanged } from './hooks';
import type { Job } from './scheduler';

export function checkJob(checks: CheckService, expression: string): Job {
  return {
    name: 'check',
    expression,
    async run() {
      try {
        const r = await checks.run({ trigger: 'SCHEDULE' });
        return `check run ${r.id}: ${r.status}`;
      } catch (e) {
        if (e instanceof CheckOverlapError) return 'skipped: a check run is already going';
        throw e;
      }
    },
  };
}

/** Runs the checks after each successful sync that changed procedure data; returns the unsubscribe. */
export function checkAfterSyncs(checks: CheckService, log: Logger): () => void {
  return afterProcedureDataChanged(async (run) => {
    try {
      await checks.request({ trigger: 'AFTER_SYNC', triggeredBySyncRunId: run.id });
    } catch (e) {
      log.error(
        {
          event: 'check_after_sync_failed',
          syncRunId: run.id,
          err: { message: String((e as Error)?.message ?? e) },
        },
        'check after sync failed',
      );
    }
  }, log);
}
