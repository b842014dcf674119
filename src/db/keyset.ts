/**
 * Keyset pages in a chosen order: one sort column plus the unique code as tie-breaker,
 * nulls last in both directions. A nullable column pages as two index-friendly branches
 * (the rows with a value, then the rows without), so neither branch needs a sort of the
 * whole table and a cursor deep in the list costs what one at its start does.
 */

export interface KeysetOrder {
  /** Column name (also its name in the select list), e.g. `accepted_at`. */
  column: string;
  nullable: boolean;
  /** The unique tie-breaker column, e.g. `code`. */
  tie: string;
  desc: boolean;
}

export interface PageQuery {
  select: string;
  /** `from …` with the table's alias, e.g. `dossier d`. */
  from: string;
  alias: string;
  where: string[];
  params: unknown[];
  /** Parameters of the select list (it comes before the where clause in the text). */
  selectParams?: unknown[];
  /** The cursor's key: [value as ISO text or null, tie]. */
  after: readonly [string | null, string] | null;
  limit: number;
}

/** The page as SQL with `?` parameters; a relation that yields the rows in order. */
export function keysetPage(o: KeysetOrder, q: PageQuery): { sql: string; params: unknown[] } {
  const col = `${q.alias}.${o.column}`;
  const tie = `${q.alias}.${o.tie}`;
  const dir = o.desc ? 'desc' : 'asc';
  const op = o.desc ? '<' : '>';
  const where = (extra: string[]) => [...q.where, ...extra].join(' and ');
  const branch = (extra: string[], extraParams: unknown[], order: string) => ({
    sql: `select ${q.select} from ${q.from} where ${where(extra)} order by ${order} limit ?`,
    params: [...(q.selectParams ?? []), ...q.params, ...extraParams, q.limit],
  });
  const [value, code] = q.after ?? [null, null];
  if (!o.nullable) {
    return q.after
      ? branch([`(${col}, ${tie}) ${op} (?, ?)`], [value, code], `${col} ${dir}, ${tie} ${dir}`)
      : branch([], [], `${col} ${dir}, ${tie} ${dir}`);
  }
  // A cursor among the rows without a value: only those after it remain.
  if (q.after && value === null) return branch([`${col} is null`, `${tie} ${op} ?`], [code], `${tie} ${dir}`);
  // Otherwise every row without a value comes after the page's rows with one.
  const withoutValue = branch([`${col} is null`], [], `${tie} ${dir}`);
  const withValue = q.after
    ? branch([`(${col}, ${tie}) ${op} (?, ?)`], [value, code], `${col} ${dir}, ${tie} ${dir}`)
    : branch([`${col} is not null`], [], `${col} ${dir}, ${tie} ${dir}`);
  return {
    sql: `select * from ((${withValue.sql}) union all (${withoutValue.sql})) page
      order by page.${o.column} is null, page.${o.column} ${dir}, page.${o.tie} ${dir} limit ?`,
    params: [...withValue.params, ...withoutValue.params, q.limit],
  };
}

/**
 * Select-list items over the page's rows (a relation looked up by a code the row carries:
 * a dossier's procedure, its listing), each `(…) as "name"`, written over the row as
 * `pk.<column>`, with their parameters in text order.
 */
export interface KeyedColumns {
  columns: string[];
  params: unknown[];
}

const KEY_REF = /\bpk\.([a-z_][a-z0-9_]*)/g;
const ITEM = /^\(([\s\S]*)\) as ("[^"]+")$/;

/** The page's columns these items read (`pk.<column>`): the page must select each. */
export function keyColumnsOf(columns: readonly string[]): string[] {
  return [...new Set(columns.flatMap((c) => [...c.matchAll(KEY_REF)].map((m) => m[1]!)))];
}

/**
 * The page, with each item that reads one column computed once per distinct value of it
 * rather than once per row: the 50 newest dossiers of one agency name a handful of
 * procedures, and PostgreSQL caches no correlated subquery (issue 9). The values go into
 * two arrays (keys, answers) and each row finds its own by array_position (NULL finds
 * NULL): no join, whose plan on a page's few estimated rows would be a nested loop. Items
 * reading no column or several, or any item with parameters, stay one per row. Rows come
 * back in the page's order with the items as further columns.
 */
export function keysetPageKeyed(
  o: KeysetOrder,
  q: PageQuery,
  keyed: KeyedColumns,
): { sql: string; params: unknown[] } {
  const page = keysetPage(o, q);
  if (!keyed.columns.length) return page;
  const dir = o.desc ? 'desc' : 'asc';
  const col = `pk.${o.column}`;
  const order = `${o.nullable ? `${col} is null, ` : ''}${col} ${dir}, pk.${o.tie} ${dir}`;
  const ctes: string[] = [];
  const names: string[] = [];
  const select = keyed.columns.map((item, i) => {
    const keys = keyColumnsOf([item]);
    const parts = ITEM.exec(item);
    if (keyed.params.length || keys.length !== 1 || !parts) return item;
    const [key, name] = [keys[0]!, `page_key${i}`];
    names.push(name);
    ctes.push(`${name} as (select array_agg(pk.${key}) as keys, array_agg((${parts[1]})) as answers
        from (select distinct ${key} from page_rows) pk)`);
    return `${name}.answers[array_position(${name}.keys, pk.${key})] as ${parts[2]}`;
  });
  return {
    sql: `with ${[`page_rows as (${page.sql})`, ...ctes].join(',\n      ')}
      select pk.*, ${select.join(', ')} from ${['page_rows pk', ...names].join(', ')} order by ${order}`,
    params: [...page.params, ...keyed.params],
  };
}
