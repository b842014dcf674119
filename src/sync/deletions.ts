/**
 * Deletion detection. Only a complete full walk may tombstone: the keys it saw are in
 * `sync_seen_key`, and a row it did not see gets `deleted_at`, never a DELETE. When more than
 * the guard's share would vanish at once (an upstream suddenly answering an empty list),
 * nothing is tombstoned and the run is HELD until an operator confirms.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../db/sql';
import type { TableSpec } from '../db/upsert';

export async function recordSeen(
  em: EntityManager,
  walkRunId: string,
  stream: string,
  keys: string[],
): Promise<void> {
  if (keys.length === 0) return;
  await query(
    em,
    `insert into sync_seen_key (run_id, stream, key)
     select ?, ?, k from jsonb_array_elements_text(?::jsonb) as k on conflict do nothing`,
    [walkRunId, stream, JSON.stringify(keys)],
  );
}

function vanishedWhere(spec: TableSpec): string {
  return `t.deleted_at is null and not exists (
    select 1 from sync_seen_key s where s.run_id = ? and s.stream = ? and s.key = t."${spec.key}")`;
}

export interface DeletionOutcome {
  vanished: number;
  alive: number;
  held: boolean;
  deleted: number;
}

export async function detectDeletions(
  em: EntityManager,
  args: { spec: TableSpec; walkRunId: string; stream: string; guardPercent: number },
): Promise<DeletionOutcome> {
  const params = [args.walkRunId, args.stream];
  const [counts] = await em.execute<{ alive: string; vanished: string }[]>(
    `select count(*) filter (where t.deleted_at is null) as alive,
            count(*) filter (where ${vanishedWhere(args.spec)}) as vanished
     from "${args.spec.table}" t`,
    params,
  );
  const alive = Number(counts?.alive ?? 0);
  const vanished = Number(counts?.vanished ?? 0);
  if (vanished === 0) return { vanished, alive, held: false, deleted: 0 };
  if ((vanished / alive) * 100 > args.guardPercent) return { vanished, alive, held: true, deleted: 0 };
  const deleted = await tombstone(em, args.spec, args.walkRunId, args.stream);
  return { vanished, alive, held: false, deleted };
}

export async function tombstone(
  em: EntityManager,
  spec: TableSpec,
  walkRunId: string,
  stream: string,
): Promise<number> {
  const rows = await em.execute<unknown[]>(
    `update "${spec.table}" t set deleted_at = now() where ${vanishedWhere(spec)} returning 1`,
    [walkRunId, stream],
  );
  return rows.length;
}

export async function forgetSeen(em: EntityManager, walkRunId: string, stream: string): Promise<void> {
  await em.execute(`delete from sync_seen_key where run_id = ? and stream = ?`, [walkRunId, stream]);
}
