/** Reading findings, their history and check runs: keyset pages, batches for loaders, counts. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../db/sql';
import { agencyScopeSql, type Scope } from '../../graph/auth';
import { type Connection, decodeCursor, toConnection } from '../../graph/connection';
import { rangeSql } from '../../graph/date-range';
import { badInput } from '../../graph/errors';
import type { FindingFilter } from './check.args';
import type { CheckRunNode, FindingCount, FindingEventNode, FindingNode } from './check.types';

const FINDING_COLUMNS = `f.id::text as id, f.kind, f.status, f.severity, f.subject_code as "subjectCode",
  f.national_code as "nationalCode", f.field, f.channel, f.agency_code as "agencyCode", f.sector_code as "sectorCode",
  f.national_value as "nationalValue", f.provincial_value as "provincialValue",
  f.national_raw::text as "nationalRaw", f.provincial_raw::text as "provincialRaw", f.rule,
  f.first_seen_at as "firstSeenAt", f.last_seen_at as "lastSeenAt"`;

interface Where {
  sql: string[];
  params: unknown[];
}

function toFinding(r: FindingNode): FindingNode {
  return { ...r, firstSeenAt: new Date(r.firstSeenAt), lastSeenAt: new Date(r.lastSeenAt) };
}

export function findingWhere(
  filter: FindingFilter | null | undefined,
  agencyCodes?: Scope['agencyCodes'],
): Where {
  const scope = agencyScopeSql('f.agency_code', agencyCodes);
  const w: Where = { sql: ['true', ...scope.sql], params: [...scope.params] };
  if (!filter) return w;
  const anyOf = (column: string, values: readonly string[] | null | undefined) => {
    if (!values || values.length === 0) return;
    w.sql.push(`${column} in (select jsonb_array_elements_text(?::jsonb))`);
    w.params.push(JSON.stringify(values.map((v) => v.trim())));
  };
  anyOf('f.kind', filter.kind);
  anyOf('f.status', filter.status);
  anyOf('f.severity', filter.severity);
  anyOf('f.agency_code', filter.agency);
  anyOf('f.sector_code', filter.sector);
  anyOf('f.subject_code', filter.subjectCode);
  anyOf('f.national_code', filter.nationalCode);
  const seen = rangeSql('f.last_seen_at', filter.lastSeen);
  w.sql.push(...seen.sql);
  w.params.push(...seen.params);
  return w;
}

/** Newest first: last seen, then the newest finding. Cursor `[lastSeenAt ISO, id]`. */
const ORDER = 'order by f.last_seen_at desc, f.id desc';
export const findingKey = (f: FindingNode): [string, string] => [f.lastSeenAt.toISOString(), f.id];

function afterOf(cursor: string | null | undefined): Where | null {
  const key = decodeCursor(cursor, 'finding', 2);
  if (!key) return null;
  const [at, id] = key;
  const seen = typeof at === 'string' ? new Date(at) : new Date(Number.NaN);
  if (Number.isNaN(seen.getTime()) || typeof id !== 'string' || !/^\d{1,18}$/.test(id)) {
    throw badInput(
      'after is not a cursor this list gave out; use pageInfo.endCursor from the previous page',
      'after',
    );
  }
  return { sql: ['(f.last_seen_at, f.id) < (?, ?::bigint)'], params: [seen, id] };
}

export async function listFindings(
  em: EntityManager,
  args: {
    first: number;
    after?: string | null;
    filter?: FindingFilter | null;
    /** The caller's agency scope (ctx.scope.agencyCodes). */
    agencyCodes?: Scope['agencyCodes'];
  },
): Promise<Connection<FindingNode>> {
  const where = findingWhere(args.filter, args.agencyCodes);
  const after = afterOf(args.after);
  const rows = await query<FindingNode>(
    em,
    `select ${FINDING_COLUMNS} from finding f where ${[...where.sql, ...(after?.sql ?? [])].join(' and ')}
     ${ORDER} limit ?`,
    [...where.params, ...(after?.params ?? []), args.first + 1],
  );
  return toConnection({
    list: 'finding',
    rows: rows.map(toFinding),
    first: args.first,
    hadCursor: after !== null,
    keyOf: findingKey,
    count: async () => {
      const [c] = await query<{ n: number }>(
        em,
        `select count(*)::int as n from finding f where ${where.sql.join(' and ')}`,
        where.params,
      );
      return c?.n ?? 0;
    },
  });
}

export async function findingsByIds(
  em: EntityManager,
  ids: readonly string[],
  agencyCodes?: Scope['agencyCodes'],
): Promise<FindingNode[]> {
  const valid = ids.filter((id) => /^\d{1,18}$/.test(id));
  if (valid.length === 0) return [];
  const scope = agencyScopeSql('f.agency_code', agencyCodes);
  const rows = await query<FindingNode>(
    em,
    `select ${FINDING_COLUMNS} from finding f
      where ${['f.id in (select jsonb_array_elements_text(?::jsonb)::bigint)', ...scope.sql].join(' and ')}`,
    [JSON.stringify(valid), ...scope.params],
  );
  return rows.map(toFinding);
}

export type FindingOwner = 'national_code' | 'subject_code' | 'agency_code';

/** Findings of many owners at once (a loader's batch), newest first within each. */
export async function findingsOf(
  em: EntityManager,
  column: FindingOwner,
  keys: readonly string[],
  includeResolved: boolean,
  agencyCodes?: Scope['agencyCodes'],
): Promise<Array<FindingNode & { owner: string }>> {
  const scope = agencyScopeSql('f.agency_code', agencyCodes);
  const rows = await query<FindingNode & { owner: string }>(
    em,
    `select f.${column} as owner, ${FINDING_COLUMNS} from finding f
      where ${[`f.${column} in (select jsonb_array_elements_text(?::jsonb))`, ...scope.sql].join(' and ')}
      ${includeResolved ? '' : `and f.status <> 'RESOLVED'`}
      ${ORDER}`,
    [JSON.stringify(keys), ...scope.params],
  );
  return rows.map((r) => ({ ...toFinding(r), owner: r.owner }));
}

export async function findingCounts(
  em: EntityManager,
  filter?: FindingFilter | null,
  agencyCodes?: Scope['agencyCodes'],
): Promise<FindingCount[]> {
  const where = findingWhere(filter, agencyCodes);
  return query<FindingCount>(
    em,
    `select f.kind, f.severity, f.status, count(*)::int as count from finding f where ${where.sql.join(' and ')}
      group by f.kind, f.severity, f.status order by f.kind, f.severity, f.status`,
    where.params,
  );
}

export async function historiesOf(em: EntityManager, ids: readonly string[]): Promise<FindingEventNode[]> {
  const rows = await query<FindingEventNode>(
    em,
    `select finding_id::text as "findingId", at, actor, from_status as "from", to_status as "to", note,
            run_id::text as "checkRunId"
       from finding_event where finding_id in (select jsonb_array_elements_text(?::jsonb)::bigint)
      order by finding_id, at, id`,
    [JSON.stringify(ids.filter((id) => /^\d{1,18}$/.test(id)))],
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at) }));
}

const RUN_COLUMNS = `id::text as id, trigger, status, started_at as "startedAt", finished_at as "finishedAt",
  queued_at as "queuedAt",
  triggered_by_sync_run_id::text as "triggeredBySyncRunId", sync_runs as "syncRuns", kinds_ran as "kindsRan",
  kinds_skipped as "kindsSkipped", opened, seen_again as "seenAgain", resolved, reopened, statements,
  error_message as "errorMessage"`;

function toRun(r: CheckRunNode): CheckRunNode {
  return {
    ...r,
    startedAt: new Date(r.startedAt),
    finishedAt: r.finishedAt ? new Date(r.finishedAt) : null,
    queuedAt: r.queuedAt ? new Date(r.queuedAt) : null,
    syncRuns: r.syncRuns.map((s) => ({ ...s, finishedAt: s.finishedAt ? new Date(s.finishedAt) : null })),
  };
}

/** Newest first, keyset on the id. */
export async function listCheckRuns(
  em: EntityManager,
  args: { first: number; after?: string | null },
): Promise<Connection<CheckRunNode>> {
  const key = decodeCursor(args.after, 'checkRun', 1);
  if (key && (typeof key[0] !== 'string' || !/^\d{1,18}$/.test(key[0]))) {
    throw badInput(
      'after is not a cursor this list gave out; use pageInfo.endCursor from the previous page',
      'after',
    );
  }
  const rows = await query<CheckRunNode>(
    em,
    `select ${RUN_COLUMNS} from check_run where (?::bigint is null or id < ?::bigint) order by id desc limit ?`,
    [key?.[0] ?? null, key?.[0] ?? null, args.first + 1],
  );
  return toConnection({
    list: 'checkRun',
    rows: rows.map(toRun),
    first: args.first,
    hadCursor: key !== null,
    keyOf: (r) => [r.id],
    count: async () => {
      const [c] = await query<{ n: number }>(em, 'select count(*)::int as n from check_run');
      return c?.n ?? 0;
    },
  });
}

export async function findCheckRun(em: EntityManager, id: string): Promise<CheckRunNode | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const [row] = await query<CheckRunNode>(em, `select ${RUN_COLUMNS} from check_run where id = ?::bigint`, [
    id,
  ]);
  return row ? toRun(row) : null;
}
