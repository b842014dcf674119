/** Per-stream cursors and open walks (`sync_stream_state`). */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Source } from '../domain/model';

export interface StreamStateRow {
  cursor: string | null;
  walkRunId: string | null;
  walkFull: boolean;
  walkCheckpoint: string | null;
  walkCursor: string | null;
}

export async function loadState(em: EntityManager, source: Source, stream: string): Promise<StreamStateRow> {
  const [row] = await em.execute<Record<string, unknown>[]>(
    `select cursor, walk_run_id, walk_full, walk_checkpoint, walk_cursor from sync_stream_state where source = ? and stream = ?`,
    [source, stream],
  );
  return {
    cursor: (row?.cursor as string | null) ?? null,
    walkRunId: row?.walk_run_id == null ? null : String(row.walk_run_id),
    walkFull: Boolean(row?.walk_full),
    walkCheckpoint: (row?.walk_checkpoint as string | null) ?? null,
    walkCursor: (row?.walk_cursor as string | null) ?? null,
  };
}

/** Opens (or moves) the walk of a stream; called in the page's transaction. */
export async function saveWalk(
  em: EntityManager,
  source: Source,
  stream: string,
  walk: { runId: string; full: boolean; checkpoint: string | null; cursor: string | null },
): Promise<void> {
  await em.execute(
    `insert into sync_stream_state (source, stream, walk_run_id, walk_full, walk_checkpoint, walk_cursor)
     values (?, ?, ?, ?, ?, ?)
     on conflict (source, stream) do update set walk_run_id = excluded.walk_run_id, walk_full = excluded.walk_full,
       walk_checkpoint = excluded.walk_checkpoint, walk_cursor = excluded.walk_cursor`,
    [source, stream, walk.runId, walk.full, walk.checkpoint, walk.cursor],
  );
}

/** The walk reached its end: its high-water mark becomes the stream's cursor. */
export async function closeWalk(
  em: EntityManager,
  source: Source,
  stream: string,
  args: { cursor: string | null; full: boolean },
): Promise<void> {
  await em.execute(
    `update sync_stream_state set cursor = coalesce(?, cursor), walk_run_id = null, walk_full = false,
       walk_checkpoint = null, walk_cursor = null, last_full_walk_at = case when ? then now() else last_full_walk_at end
     where source = ? and stream = ?`,
    [args.cursor, args.full, source, stream],
  );
}

/** The larger of two cursors; cursors of one stream compare as strings of equal shape. */
export function maxCursor(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return b > a ? b : a;
}
