/**
 * An operator's confirmation of deletions the guard held: tombstones exactly what the held
 * walk did not see, then marks the run SUCCEEDED. Refused when a later complete walk has
 * superseded the held one (its picture of upstream is newer).
 */

import type { Orm } from '../db/orm';
import { HubError } from '../domain/errors';
import type { Source } from '../domain/model';
import { forgetSeen, tombstone } from './deletions';
import { writerFor } from './writers';

export class ConfirmError extends HubError {
  declare readonly code: 'sync_run_not_found' | 'sync_run_not_held' | 'sync_run_superseded';

  constructor(code: ConfirmError['code'], message: string) {
    super(code, `${code}: ${message}`);
  }
}

export async function confirmDeletions(orm: Orm, runId: string, actor: string): Promise<{ deleted: number }> {
  return orm.em.fork().transactional(async (em) => {
    const [run] = await em.execute(`select * from sync_run where id = ? for update`, [runId]);
    if (!run) throw new ConfirmError('sync_run_not_found', `there is no sync run ${runId}`);
    if (run.status !== 'HELD') {
      throw new ConfirmError(
        'sync_run_not_held',
        `sync run ${runId} is ${run.status}, not HELD: nothing to confirm`,
      );
    }
    const [later] = await em.execute(
      `select id from sync_run where source = ? and id > ? and mode = 'FULL' and status in ('SUCCEEDED', 'HELD') limit 1`,
      [run.source, runId],
    );
    if (later) {
      throw new ConfirmError(
        'sync_run_superseded',
        `a later full walk (run ${later.id}) replaced run ${runId}; confirm that one instead`,
      );
    }
    let deleted = 0;
    for (const [stream, walkRunId] of Object.entries((run.held_walks ?? {}) as Record<string, string>)) {
      deleted += await tombstone(em, writerFor(run.source as Source, stream).spec, walkRunId, stream);
      await forgetSeen(em, walkRunId, stream);
    }
    await em.execute(
      `update sync_run set status = 'SUCCEEDED', deleted = deleted + ?, error_code = null,
         error_message = ? where id = ?`,
      [deleted, `deletions confirmed by ${actor}`, runId],
    );
    return { deleted };
  });
}
