/** Agency queries over the merged agencies (every portal's agencies by code), as plain rows. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { searchText } from '../../db/search';
import { readQuery } from '../../db/sql';
import { type Connection, decodeCursor, toConnection } from '../../graph/connection';
import { asNode } from '../../graph/node';
import type { Prefetch } from '../../graph/prefetch';
import { AGENCY_VIEW_SQL } from './agency.entity';
import { type AgencyFilter, AgencyNode } from './agency.types';

interface Row {
  code: string;
  name: string;
  level: AgencyNode['level'];
  parent_code: string | null;
}

const COLUMNS = 'a.code, a.name, a.level, a.parent_code';
/** Codes in byte order whatever the database's collation, so cursors compare as JavaScript strings do. */
const BY_CODE = 'a.code collate "C"';

function toNode(a: Row): AgencyNode {
  return asNode(AgencyNode, {
    code: a.code,
    name: a.name,
    level: a.level ?? null,
    parentCode: a.parent_code,
  });
}

export async function listAgencies(
  em: EntityManager,
  args: {
    first: number;
    after?: string | null;
    filter?: AgencyFilter | null;
    /** Only these codes (the subtree of `filter.within`, resolved by the caller). */
    codes?: readonly string[] | null;
  },
  prefetch?: Prefetch,
): Promise<Connection<AgencyNode>> {
  const f = args.filter;
  const where = ['a.deleted_at is null'];
  const params: unknown[] = [];
  if (args.codes) where.push('a.code = any(?::text[])') && params.push([...args.codes]);
  if (f?.level) where.push('a.level = ?') && params.push(f.level);
  if (f?.parent) where.push('a.parent_code = ?') && params.push(f.parent.trim());
  const after = decodeCursor(args.after, 'agency', 1);
  const from = `from (${AGENCY_VIEW_SQL}) a where ${where.join(' and ')}`;
  const needle = f?.search?.trim() ? searchText(f.search) : null;
  const parts = {
    list: 'agency',
    first: args.first,
    hadCursor: Boolean(after),
    keyOf: (a: AgencyNode) => [a.code],
  };
  if (needle) {
    // Agencies number in the low thousands: the folded-text search runs here, over the filtered rows.
    const all = await readQuery<Row>(em, `select ${COLUMNS} ${from} order by ${BY_CODE}`, params);
    const matching = all.filter((a) => searchText(a.code, a.name).includes(needle));
    const rest = after ? matching.filter((a) => a.code > String(after[0])) : matching;
    return toConnection({
      ...parts,
      rows: rest.slice(0, args.first + 1).map(toNode),
      count: async () => matching.length,
    });
  }
  // The page's statement also answers what `prefetch` covers (an agency's dossier count).
  const page = (limit: number, pf?: Prefetch) =>
    readQuery<Row>(
      em,
      `select ${[COLUMNS, ...(pf?.columns ?? [])].join(', ')} ${from} ${after ? `and ${BY_CODE} > ?` : ''} order by ${BY_CODE} limit ?`,
      [...(pf?.params ?? []), ...params, ...(after ? [String(after[0])] : []), limit],
    );
  const node = prefetch ? (r: Row) => prefetch.attach(toNode(r), r as never) : toNode;
  return toConnection({
    ...parts,
    rows: args.first === 0 ? [] : (await page(args.first + 1, prefetch)).map(node),
    more: async () => (await page(1)).length > 0,
    count: async () => {
      const [c] = await readQuery<{ n: string }>(em, `select count(*) as n ${from}`, params);
      return Number(c?.n ?? 0);
    },
  });
}

export async function agenciesByCodes(em: EntityManager, codes: readonly string[]): Promise<AgencyNode[]> {
  const rows = await readQuery<Row>(
    em,
    `select ${COLUMNS} from (${AGENCY_VIEW_SQL}) a where a.code = any(?::text[])`,
    [[...codes]],
  );
  return rows.map(toNode);
}

export async function childrenOf(em: EntityManager, parents: readonly string[]): Promise<AgencyNode[]> {
  const rows = await readQuery<Row>(
    em,
    `select ${COLUMNS} from (${AGENCY_VIEW_SQL}) a
     where a.parent_code = any(?::text[]) and a.deleted_at is null order by ${BY_CODE}`,
    [[...parents]],
  );
  return rows.map(toNode);
}

/**
 * Each agency with every agency below it (children, their children, …), itself first:
 * what `includeDescendants` widens an agency filter to. Unknown codes answer themselves.
 */
export async function descendantsOf(
  em: EntityManager,
  codes: readonly string[],
): Promise<Map<string, string[]>> {
  const rows = await readQuery<{ root: string; codes: string[] }>(
    em,
    `with recursive tree(root, code) as (
       select k, k from unnest(?::text[]) k
       union
       select t.root, a.code from tree t
       join (${AGENCY_VIEW_SQL}) a on a.parent_code = t.code and a.deleted_at is null
     )
     select root, array_agg(code order by code <> root, code collate "C") as codes from tree group by root`,
    [[...codes]],
  );
  return new Map(rows.map((r) => [r.root, r.codes]));
}
