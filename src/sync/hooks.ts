/**
 * After-sync hooks. The consistency checks subscribe here: when a successful run changed
 * procedure data (national procedures or provincial listings), they run after it.
 */
import type { Source } from '../domain/model';
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

/** Calls `listener` after each successful run that changed procedure data; returns the unsubscribe. */
export function afterProcedureDataChanged(listener: (run: RunSummary) => void | Promise<void>): () => void {
  const wrapped = (run: RunSummary) => {
    if (changedProcedureData(run)) void Promise.resolve(listener(run)).catch(() => {});
  };
  syncEvents.on('run-finished', wrapped);
  return () => syncEvents.off('run-finished', wrapped);
}
