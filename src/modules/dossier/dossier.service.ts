/**
 * Dossier queries: keyset pages in the requested order (default: newest change first, on
 * (source_updated_at, code)), so a page costs the same at row 10 and at row 1,000,000.
 * Every statement binds its parameters (no inlining); `first: 0` reads no page.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { keyColumnsOf, keysetPage, keysetPageKeyed } from '../../db/keyset';
import { readQuery } from '../../db/sql';
import { type Connection, decodeCursor, toConnection } from '../../graph/connection';
import { badInput } from '../../graph/errors';
import type { ScopedPage } from '../../graph/page-request';
import type { Prefetch } from '../../graph/prefetch';
import type { DossierFilter, DossierOrderBy } from './dossier.args';
import { DOSSIER_COLUMNS, type DossierPlan, type DossierRow, toDossierNode } from './dossier.row';
import type { DossierNode } from './dossier.types';
import { orderOf, whereOf } from './dossier.where';

export type DossierPageArgs = ScopedPage<DossierFilter, DossierOrderBy, DossierPlan>;

const selectOf = (args: DossierPageArgs) =>
  args.plan ? args.plan.columns.map((c) => `d.${c}`).join(', ') : DOSSIER_COLUMNS;
const nodeOf = (args: DossierPageArgs) =>
  args.plan ? (r: DossierRow) => args.plan!.build(r as unknown as Record<string, unknown>) : toDossierNode;

/** A parent column a nested `dossiers` connection groups by. */
export type ParentColumn = 'national_code' | 'agency_code';

const listTag = (orderBy: DossierOrderBy | null | undefined) => `dossier:${orderOf(orderBy).name}`;

/** `after` as the key [order value as ISO text or null, code], or null at the start. */
function afterOf(args: DossierPageArgs): readonly [string | null, string] | null {
  const order = orderOf(args.orderBy);
  const key = decodeCursor(args.after, listTag(args.orderBy), 2);
  if (!key) return null;
  const [at, code] = key;
  const valid =
    typeof code === 'string' &&
    ((at === null && order.nullable) || (typeof at === 'string' && !Number.isNaN(Date.parse(at))));
  if (!valid) throw badInput('after is not a cursor this list gave out', 'after');
  return [at as string | null, code as string];
}

export function cursorKeyOf(orderBy: DossierOrderBy | null | undefined) {
  const column = orderOf(orderBy).column;
  const pick: (d: DossierNode) => Date | null =
    column === 'accepted_at'
      ? (d) => d.acceptedAt
      : column === 'appointment_at'
        ? (d) => d.appointmentAt
        : (d) => d.updatedAt;
  return (d: DossierNode): readonly unknown[] => [pick(d)?.toISOString() ?? null, d.code];
}

/** includeDescendants only widens an agency filter: without one it is a mistake worth saying. */
export function checkDescendants(filter: DossierFilter | null | undefined): void {
  if (filter?.includeDescendants && !filter.agency)
    throw badInput('includeDescendants needs an agency filter', 'filter.includeDescendants');
}

function pageSql(
  args: DossierPageArgs,
  where: { sql: string[]; params: unknown[] },
  limit: number,
  prefetch?: Prefetch,
) {
  const keys = keyColumnsOf(prefetch?.columns ?? []);
  // The prefetch's key columns are in the page's rows, whatever the selection.
  const missing = args.plan ? keys.filter((k) => !args.plan!.columns.includes(k)) : [];
  const page = {
    select: [selectOf(args), ...missing.map((k) => `d.${k}`)].join(', '),
    from: 'dossier d',
    alias: 'd',
    where: where.sql,
    params: where.params,
    after: afterOf(args),
    limit,
  };
  const order = orderOf(args.orderBy);
  if (!prefetch) return keysetPage(order, page);
  return keysetPageKeyed(order, page, { columns: prefetch.columns, params: prefetch.params });
}

export async function listDossiers(
  em: EntityManager,
  args: DossierPageArgs,
): Promise<Connection<DossierNode>> {
  const where = whereOf(args.filter, args.agencies, args.agencyCodes);
  const page = async (limit: number, prefetch?: Prefetch) => {
    const q = pageSql(args, where, limit, prefetch);
    return readQuery<DossierRow>(em, q.sql, q.params);
  };
  const build = nodeOf(args);
  const prefetch = args.prefetch;
  const node = prefetch ? (r: DossierRow) => prefetch.attach(build(r), r as never) : build;
  return toConnection({
    list: listTag(args.orderBy),
    rows: args.first === 0 ? [] : (await page(args.first + 1, prefetch)).map(node),
    first: args.first,
    hadCursor: args.after != null,
    keyOf: cursorKeyOf(args.orderBy),
    more: async () => (await page(1)).length > 0,
    count: async () => {
      const [c] = await readQuery<{ n: string }>(
        em,
        `select count(*) as n from dossier d where ${where.sql.join(' and ')}`,
        where.params,
      );
      return Number(c?.n ?? 0);
    },
  });
}

export async function findDossier(
  em: EntityManager,
  code: string,
  agencyCodes: readonly string[] | null = null,
): Promise<DossierNode | null> {
  const [found] = await dossiersByCodes(em, [code], agencyCodes);
  return found ?? null;
}

/** Dossiers of these codes inside the caller's scope, in one statement (a loader's batch). */
export async function dossiersByCodes(
  em: EntityManager,
  codes: readonly string[],
  agencyCodes: readonly string[] | null = null,
): Promise<DossierNode[]> {
  if (codes.length === 0) return [];
  const where = whereOf(null, null, agencyCodes);
  const rows = await readQuery<DossierRow>(
    em,
    `select ${DOSSIER_COLUMNS} from dossier d where ${['d.code = any(?::text[])', ...where.sql].join(' and ')}`,
    [[...codes], ...where.params],
  );
  return rows.map(toDossierNode);
}

/**
 * One page of dossiers per parent (procedure or agency), in one statement. `groups` maps
 * each parent to the codes its page covers (itself, or an agency with its descendants):
 * each code's own first rows come from its index, and only those are merged and cut.
 */
export async function dossiersOfParents(
  em: EntityManager,
  column: ParentColumn,
  groups: ReadonlyMap<string, readonly string[]>,
  args: DossierPageArgs,
): Promise<Map<string, DossierNode[]>> {
  const out = new Map<string, DossierNode[]>();
  if (args.first === 0) return out;
  const order = orderOf(args.orderBy);
  const where = whereOf(args.filter, args.agencies, args.agencyCodes);
  const inner = pageSql(
    args,
    { sql: [`d.${column} = m.member`, ...where.sql], params: where.params },
    args.first + 1,
  );
  const pairs = [...groups].flatMap(([parent, codes]) => codes.map((code) => [parent, code] as const));
  const dir = order.desc ? 'desc' : 'asc';
  const rows = await readQuery<DossierRow & { parent: string }>(
    em,
    `with pairs(parent, member) as (select * from unnest(?::text[], ?::text[]))
     select p.parent, pg.* from (select distinct parent from pairs) p
     cross join lateral (
       select page.* from pairs m cross join lateral (${inner.sql}) page
       where m.parent = p.parent
       order by page.${order.column} is null, page.${order.column} ${dir}, page.code ${dir}
       limit ?) pg`,
    [pairs.map((x) => x[0]), pairs.map((x) => x[1]), ...inner.params, args.first + 1],
  );
  const build = nodeOf(args);
  for (const row of rows) {
    const list = out.get(row.parent) ?? [];
    list.push(build(row));
    out.set(row.parent, list);
  }
  return out;
}

/** How many dossiers each parent's codes have under the filter, in one statement. */
export async function countsOfParents(
  em: EntityManager,
  column: ParentColumn,
  groups: ReadonlyMap<string, readonly string[]>,
  args: Pick<DossierPageArgs, 'filter' | 'agencies' | 'agencyCodes'>,
): Promise<Map<string, number>> {
  const where = whereOf(args.filter, args.agencies, args.agencyCodes);
  const codes = [...new Set([...groups.values()].flat())];
  const rows = await readQuery<{ key: string; n: string }>(
    em,
    `select d.${column} as key, count(*) as n from dossier d
     where d.${column} = any(?::text[]) and ${where.sql.join(' and ')}
     group by d.${column}`,
    [codes, ...where.params],
  );
  const counts = new Map(rows.map((r) => [r.key, Number(r.n)]));
  const out = new Map<string, number>();
  for (const [parent, members] of groups)
    out.set(
      parent,
      members.reduce((sum, m) => sum + (counts.get(m) ?? 0), 0),
    );
  return out;
}
