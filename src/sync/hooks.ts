/**
 * After-sync hooks. The consistency checks subscribe here: when a successful run changed
 * procedure data (national procedures or provincial listings), they run after it.
 */
import type { Source } from '../domain/model';
import { type Logger, logFailure } from '../log';
import { type RunSummary, syncEvents } from './runner';

/** The streams whose changes can change a consistency finding. */
export const PROCEDURE_STREAMS: Record<Source, string[]> = {
  NATIONAL: ['procedures', 'agencies'],
  IGATE: ['listings', 'dossiers', 'agencies'],
  PAKN: ['feedbacks'],
};

export function changedProcedureData(run: RunSummary): boolean {
  if (run.status !== 'SUCCEEDED') return false;
  return run.changedStreams.some((s) => PROCEDURE_STREAMS[run.source].includes(s));
}

/**
 * Calls `listener` after each successful run that changed procedure data; returns the
 * unsubscribe. A listener's failure is logged with its code (the run is over either way).
 */
export function afterProcedureDataChanged(
  listener: (run: RunSummary) => void | Promise<void>,
  log: Logger,
): () => void {
  const failed = logFailure(log, 'after_sync_hook_failed', 'after-sync hook failed');
  const wrapped = (run: RunSummary) => {
    if (!changedProcedureData(run)) return;
    try {
      void Promise.resolve(listener(run)).catch(failed);
    } catch (e) {
      failed(e);
    }
  };
  syncEvents.on('run-finished', wrapped);
  return () => syncEvents.off('run-finished', wrapped);
}
