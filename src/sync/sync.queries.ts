/** Reads of the ledger, the sources' freshness and the quarantine. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Source } from '../domain/model';
import { type Connection, decodeCursor, toConnection } from '../graph/connection';
import type {
  QuarantinedRecordNode,
  QuarantineFilter,
  SourceStatus,
  SyncRunFilter,
  SyncRunNode,
} from './sync.types';

function cursors(c: unknown): { stream: string; cursor: string | null }[] {
  if (!c || typeof c !== 'object') return [];
  return Object.entries(c as Record<string, string | null>).map(([stream, cursor]) => ({ stream, cursor }));
}

export function toRunNode(r: Record<string, unknown>): SyncRunNode {
  return {
    id: String(r.id),
    source: r.source as Source,
    mode: r.mode as SyncRunNode['mode'],
    trigger: r.trigger as SyncRunNode['trigger'],
    status: r.status as SyncRunNode['status'],
    queuedAt: r.queued_at ? new Date(r.queued_at as string) : null,
    startedAt: new Date(r.started_at as string),
    finishedAt: r.finished_at ? new Date(r.finished_at as string) : null,
    heartbeatAt: new Date(r.heartbeat_at as string),
    worker: r.worker as string,
    resumedFrom: r.resumed_from == null ? null : String(r.resumed_from),
    pages: Number(r.pages),
    requests: Number(r.requests),
    retries: Number(r.retries),
    throttled: Number(r.throttled),
    fetched: Number(r.fetched),
    inserted: Number(r.inserted),
    updated: Number(r.updated),
    unchanged: Number(r.unchanged),
    deleted: Number(r.deleted),
    quarantined: Number(r.quarantined),
    heldDeletions: Number(r.held_deletions),
    cursorBefore: cursors(r.cursor_before),
    cursorAfter: cursors(r.cursor_after),
    errorCode: (r.error_code as string | null) ?? null,
    errorMessage: (r.error_message as string | null) ?? null,
  };
}

function runWhere(f: SyncRunFilter | null | undefined): { sql: string[]; params: unknown[] } {
  const sql: string[] = ['true'];
  const params: unknown[] = [];
  if (f?.source) sql.push('source = ?') && params.push(f.source);
  if (f?.status) sql.push('status = ?') && params.push(f.status);
  if (f?.trigger) sql.push('trigger = ?') && params.push(f.trigger);
  if (f?.startedFrom) sql.push('started_at >= ?') && params.push(f.startedFrom);
  if (f?.startedBefore) sql.push('started_at < ?') && params.push(f.startedBefore);
  return { sql, params };
}

/** Newest first. */
export async function listSyncRuns(
  em: EntityManager,
  args: { first: number; after?: string | null; filter?: SyncRunFilter | null },
): Promise<Connection<SyncRunNode>> {
  const w = runWhere(args.filter);
  const after = decodeCursor(args.after, 'syncRun', 1);
  const sql = [...w.sql];
  const params = [...w.params];
  if (after) sql.push('id < ?') && params.push(String(after[0]));
  const rows = await em.execute(
    `select * from sync_run where ${sql.join(' and ')} order by id desc limit ?`,
    [...params, args.first + 1],
  );
  return toConnection({
    list: 'syncRun',
    rows: rows.map(toRunNode),
    first: args.first,
    hadCursor: Boolean(after),
    keyOf: (r) => [r.id],
    count: async () => {
      const [c] = await em.execute(
        `select count(*) as n from sync_run where ${w.sql.join(' and ')}`,
        w.params,
      );
      return Number(c?.n ?? 0);
    },
  });
}

export async function findSyncRun(em: EntityManager, id: string): Promise<SyncRunNode | null> {
  if (!/^\d+$/.test(id)) return null;
  const [row] = await em.execute(`select * from sync_run where id = ?`, [id]);
  return row ? toRunNode(row) : null;
}

export async function sourceStatuses(
  em: EntityManager,
  args: { sources: Source[]; configured: Source[]; staleAfterMs: number; now?: Date },
): Promise<SourceStatus[]> {
  const now = args.now ?? new Date();
  const rows = await em.execute(
    `select s.source,
       (select to_jsonb(r) from sync_run r where r.source = s.source order by r.id desc limit 1) as last_run,
       (select max(finished_at) from sync_run r where r.source = s.source and r.status = 'SUCCEEDED') as last_success_at,
       (select to_jsonb(r) from sync_run r where r.source = s.source and r.status in ('FAILED', 'PARTIAL', 'ABANDONED')
          order by r.id desc limit 1) as last_failure,
       exists (select 1 from sync_run r where r.source = s.source and r.status = 'RUNNING') as running
     from (select jsonb_array_elements_text(?::jsonb) as source) s`,
    [JSON.stringify(args.sources)],
  );
  return rows.map((r) => {
    const lastSuccessAt = r.last_success_at ? new Date(r.last_success_at) : null;
    const lagMs = lastSuccessAt ? now.getTime() - lastSuccessAt.getTime() : null;
    return {
      source: r.source as Source,
      configured: args.configured.includes(r.source),
      lastSuccessAt,
      lagSeconds: lagMs === null ? null : Math.round(lagMs / 1000),
      stale: lagMs === null || lagMs > args.staleAfterMs,
      lastRun: r.last_run ? toRunNode(r.last_run) : null,
      lastError: lastErrorOf(r.last_failure as Record<string, unknown> | null, lastSuccessAt),
      running: Boolean(r.running),
    };
  });
}

/** The last failed run, when it came after the last success. */
function lastErrorOf(failure: Record<string, unknown> | null, lastSuccessAt: Date | null) {
  const failureAt = failure?.finished_at ? new Date(failure.finished_at as string) : null;
  if (!failure || !failureAt || (lastSuccessAt && failureAt <= lastSuccessAt)) return null;
  return {
    code: String(failure.error_code ?? 'sync_failed'),
    message: String(failure.error_message ?? ''),
    at: failureAt,
    runId: String(failure.id),
  };
}

export async function listQuarantined(
  em: EntityManager,
  args: { first: number; after?: string | null; filter?: QuarantineFilter | null },
): Promise<Connection<QuarantinedRecordNode>> {
  const f = args.filter;
  const sql: string[] = ['true'];
  const params: unknown[] = [];
  if (f?.source) sql.push('source = ?') && params.push(f.source);
  if (f?.stream) sql.push('stream = ?') && params.push(f.stream);
  if (f?.syncRunId) sql.push('sync_run_id = ?') && params.push(f.syncRunId);
  if (f?.resolved === true) sql.push('resolved_at is not null');
  if (f?.resolved === false) sql.push('resolved_at is null');
  const after = decodeCursor(args.after, 'quarantinedRecord', 1);
  const pageSql = after ? [...sql, 'id < ?'] : sql;
  const pageParams = after ? [...params, String(after[0])] : params;
  const rows = await em.execute(
    `select * from quarantined_record where ${pageSql.join(' and ')} order by id desc limit ?`,
    [...pageParams, args.first + 1],
  );
  const nodes: QuarantinedRecordNode[] = rows.map((r) => ({
    id: String(r.id),
    source: r.source,
    stream: r.stream,
    externalKey: r.external_key,
    field: r.field,
    reason: r.reason,
    raw: JSON.stringify(r.raw),
    syncRunId: String(r.sync_run_id),
    timesSeen: Number(r.times_seen),
    firstSeenAt: new Date(r.first_seen_at),
    lastSeenAt: new Date(r.last_seen_at),
    resolvedAt: r.resolved_at ? new Date(r.resolved_at) : null,
  }));
  return toConnection({
    list: 'quarantinedRecord',
    rows: nodes,
    first: args.first,
    hadCursor: Boolean(after),
    keyOf: (n) => [n.id],
    count: async () => {
      const [c] = await em.execute(
        `select count(*) as n from quarantined_record where ${sql.join(' and ')}`,
        params,
      );
      return Number(c?.n ?? 0);
    },
  });
}
