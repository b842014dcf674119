/**
 * A run's mode, decided before it starts so that its start and its end say the same: FULL
 * when asked (--full), when it continues an interrupted full walk, or when the source
 * never finished a run (its first run reads everything); INCREMENTAL otherwise.
 */
import type { Orm } from '../db/orm';
import type { Source } from '../domain/model';
import { loadState } from './state';
import type { SyncMode } from './sync-run.entity';

export async function decideMode(
  orm: Orm,
  source: Source,
  streams: string[],
  full: boolean,
): Promise<SyncMode> {
  if (full) return 'FULL';
  const em = orm.em.fork();
  for (const stream of streams) {
    const state = await loadState(em, source, stream);
    if (state.walkRunId !== null && state.walkFull) return 'FULL';
  }
  const finished = await em.execute(
    `select 1 from sync_run where source = ? and status in ('SUCCEEDED', 'HELD', 'PARTIAL') limit 1`,
    [source],
  );
  return finished.length ? 'INCREMENTAL' : 'FULL';
}
