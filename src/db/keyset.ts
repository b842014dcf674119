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
