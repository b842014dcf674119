/**
 * Feedback queries: one statement per list, per relation batch and per count, parameters
 * bound (statuses as one array), keyset pages in the requested order (default newest sent
 * first); indexes (…, sent_at, code) serve it backwards. `first: 0` reads no page.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { keysetPage } from '../../db/keyset';
import { readQuery } from '../../db/sql';
import { agencyScopeSql, type Scope } from '../../graph/auth';
import { type Connection, decodeCursor, toConnection } from '../../graph/connection';
import { rangeSql } from '../../graph/date-range';
import { badInput } from '../../graph/errors';
import type { ScopedPage } from '../../graph/page-request';
import type { Prefetch } from '../../graph/prefetch';
import type { FeedbackFilter, FeedbackOrderBy } from './feedback.args';
import { FEEDBACK_COLUMNS, type FeedbackPlan, type FeedbackRow, toFeedbackNode } from './feedback.row';
import type { FeedbackNode } from './feedback.types';

export interface Where {
  sql: string[];
  params: unknown[];
}

export type PageRequest = ScopedPage<FeedbackFilter, FeedbackOrderBy, FeedbackPlan>;

const selectOf = (r: PageRequest) =>
  r.plan ? r.plan.columns.map((c) => `f.${c}`).join(', ') : FEEDBACK_COLUMNS;
const nodeOf = (r: PageRequest) =>
  r.plan ? (row: FeedbackRow) => r.plan!.build(row as unknown as Record<string, unknown>) : toFeedbackNode;

const MAX_CODES = 1000;

export function whereOf(
  filter: FeedbackFilter | null | undefined,
  agencies?: readonly string[] | null,
  agencyCodes?: Scope['agencyCodes'],
): Where {
  // The caller's agency scope (ctx.scope) comes on top of any filter.
  const scope = agencyScopeSql('f.agency_code', agencyCodes);
  const w: Where = { sql: ['f.deleted_at is null', ...scope.sql], params: [...scope.params] };
  if (!filter && !agencies) return w;
  const equal = (column: string, value: string | null | undefined): void => {
    if (value == null) return;
    w.sql.push(`${column} = ?`);
    w.params.push(value.trim());
  };
  // One value as `=`: an index on (agency_code, status_group, sent_at, code) then also
  // serves the page's order, where `= any(…)` leaves a filter over the agency's rows.
  const anyOf = (column: string, values: readonly string[] | null | undefined): void => {
    if (values == null) return;
    if (values.length === 1) {
      equal(column, values[0]);
      return;
    }
    w.sql.push(`${column} = any(?::text[])`);
    w.params.push(values.map((v) => v.trim()));
  };
  if (agencies) anyOf('f.agency_code', agencies);
  else equal('f.agency_code', filter?.agency);
  if (filter?.codes && filter.codes.length > MAX_CODES)
    throw badInput(`codes takes at most ${MAX_CODES} codes`, 'filter.codes');
  anyOf('f.code', filter?.codes);
  equal('f.procedure_code', filter?.procedure);
  equal('f.dossier_code', filter?.dossier);
  anyOf('f.status', filter?.status);
  anyOf('f.status_group', filter?.statusGroup);
  equal('f.classification', filter?.classification);
  equal('f.channel', filter?.channel);
  const sent = rangeSql('f.sent_at', filter?.sent, 'filter.sent');
  w.sql.push(...sent.sql);
  w.params.push(...sent.params);
  return w;
}

export function orderOf(orderBy: FeedbackOrderBy | null | undefined) {
  const name = orderBy ?? 'SENT_DESC';
  const column = name.startsWith('SENT') ? 'sent_at' : 'source_updated_at';
  return { name, column, nullable: false, tie: 'code', desc: name.endsWith('DESC') };
}

export const feedbackListTag = (orderBy: FeedbackOrderBy | null | undefined) =>
  `feedback:${orderOf(orderBy).name}`;

/** A node's place in the order, as its cursor carries it: `[instant ISO, code]`. */
export function feedbackKeyOf(orderBy: FeedbackOrderBy | null | undefined) {
  return orderOf(orderBy).column === 'sent_at'
    ? (n: FeedbackNode): [string, string] => [n.sentAt.toISOString(), n.code]
    : (n: FeedbackNode): [string, string] => [n.updatedAt.toISOString(), n.code];
}

/** The keyset key after a cursor this list (in this order) gave out. */
function afterOf(request: PageRequest): readonly [string, string] | null {
  const key = decodeCursor(request.after, feedbackListTag(request.orderBy), 2);
  if (!key) return null;
  const [at, code] = key;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof code !== 'string') {
    throw badInput(
      'after is not a cursor this list gave out; use pageInfo.endCursor from the previous page',
      'after',
    );
  }
  return [at, code];
}

function pageSql(request: PageRequest, where: Where, limit: number, prefetch?: Prefetch) {
  // Each relation once per row: a page of one agency's feedback names about as many
  // procedures as it has rows (29 of 51 in the bench), where computing them once per
  // distinct code (keysetPageKeyed, as for dossiers) costs more than it saves.
  return keysetPage(orderOf(request.orderBy), {
    select: [selectOf(request), ...(prefetch?.columns ?? [])].join(', '),
    selectParams: prefetch?.params,
    from: 'feedback f',
    alias: 'f',
    where: where.sql,
    params: where.params,
    after: afterOf(request),
    limit,
  });
}

/** includeDescendants only widens an agency filter: without one it is a mistake worth saying. */
export function checkFeedbackDescendants(filter: FeedbackFilter | null | undefined): void {
  if (filter?.includeDescendants && !filter.agency)
    throw badInput('includeDescendants needs an agency filter', 'filter.includeDescendants');
}

export async function listFeedbacks(em: EntityManager, args: PageRequest): Promise<Connection<FeedbackNode>> {
  const where = whereOf(args.filter, args.agencies, args.agencyCodes);
  const page = async (limit: number, prefetch?: Prefetch) => {
    const q = pageSql(args, where, limit, prefetch);
    return readQuery<FeedbackRow>(em, q.sql, q.params);
  };
  const build = nodeOf(args);
  const prefetch = args.prefetch;
  const node = prefetch ? (r: FeedbackRow) => prefetch.attach(build(r), r as never) : build;
  return toConnection({
    list: feedbackListTag(args.orderBy),
    rows: args.first === 0 ? [] : (await page(args.first + 1, prefetch)).map(node),
    first: args.first,
    hadCursor: args.after != null,
    keyOf: feedbackKeyOf(args.orderBy),
    more: async () => (await page(1)).length > 0,
    count: async () => {
      const [c] = await readQuery<{ n: string }>(
        em,
        `select count(*) as n from feedback f where ${where.sql.join(' and ')}`,
        where.params,
      );
      return Number(c?.n ?? 0);
    },
  });
}

export async function findFeedback(
  em: EntityManager,
  code: string,
  agencyCodes: Scope['agencyCodes'] = null,
): Promise<FeedbackNode | null> {
  const scope = agencyScopeSql('f.agency_code', agencyCodes);
  const [row] = await readQuery<FeedbackRow>(
    em,
    `select ${FEEDBACK_COLUMNS} from feedback f where ${['f.code = ?', ...scope.sql].join(' and ')}`,
    [code, ...scope.params],
  );
  return row ? toFeedbackNode(row) : null;
}

/** The column a relation groups feedback by. */
export type OwnerColumn = 'procedure_code' | 'agency_code';

/**
 * One page of feedback for each owner (procedure or agency) in one statement: `first + 1`
 * rows per owner code through a lateral join, merged per owner when an owner covers
 * several codes (an agency with its descendants), so many parents cost one query.
 */
export async function feedbackPagesOf(
  em: EntityManager,
  column: OwnerColumn,
  groups: ReadonlyMap<string, readonly string[]>,
  request: PageRequest,
): Promise<Map<string, FeedbackNode[]>> {
  const out = new Map<string, FeedbackNode[]>();
  if (request.first === 0) return out;
  const order = orderOf(request.orderBy);
  const where = whereOf(request.filter, request.agencies, request.agencyCodes);
  const inner = pageSql(
    request,
    { sql: [`f.${column} = m.member`, ...where.sql], params: where.params },
    request.first + 1,
  );
  const pairs = [...groups].flatMap(([owner, codes]) => codes.map((code) => [owner, code] as const));
  const dir = order.desc ? 'desc' : 'asc';
  const rows = await readQuery<FeedbackRow & { owner: string }>(
    em,
    `with pairs(owner, member) as (select * from unnest(?::text[], ?::text[]))
     select o.owner, pg.* from (select distinct owner from pairs) o
     cross join lateral (
       select page.* from pairs m cross join lateral (${inner.sql}) page
       where m.owner = o.owner
       order by page.${order.column} ${dir}, page.code ${dir}
       limit ?) pg`,
    [pairs.map((x) => x[0]), pairs.map((x) => x[1]), ...inner.params, request.first + 1],
  );
  const build = nodeOf(request);
  for (const row of rows) {
    const list = out.get(row.owner) ?? [];
    list.push(build(row));
    out.set(row.owner, list);
  }
  return out;
}

/** How many feedback items match, per owner (summed over its codes), in one statement. */
export async function feedbackCountsOf(
  em: EntityManager,
  column: OwnerColumn,
  groups: ReadonlyMap<string, readonly string[]>,
  request: Pick<PageRequest, 'filter' | 'agencies' | 'agencyCodes'>,
): Promise<Map<string, number>> {
  const where = whereOf(request.filter, request.agencies, request.agencyCodes);
  const codes = [...new Set([...groups.values()].flat())];
  const rows = await readQuery<{ key: string; n: string }>(
    em,
    `select f.${column} as key, count(*) as n from feedback f
     where f.${column} = any(?::text[]) and ${where.sql.join(' and ')}
     group by f.${column}`,
    [codes, ...where.params],
  );
  const counts = new Map(rows.map((r) => [r.key, Number(r.n)]));
  const out = new Map<string, number>();
  for (const [owner, members] of groups)
    out.set(
      owner,
      members.reduce((sum, m) => sum + (counts.get(m) ?? 0), 0),
    );
  return out;
}
