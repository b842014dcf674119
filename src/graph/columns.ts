/**
 * Reading only what a request selects: each field of a node names the columns it is built
 * from and how, so a loader selects those columns (never the raw payload) and builds a
 * plain object with just those fields. Different selections use different loaders, so a
 * node built for one never answers a field it was not built for.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { selectedFields } from './selection';

export type FieldReaders<T, R> = { [K in keyof T]?: { columns: readonly string[]; read: (row: R) => T[K] } };

/**
 * Readers by GraphQL field, for nodes whose fields are not all plain properties: `prop`
 * names the node property a field needs (`procedure` needs `nationalCode`).
 */
export type SelectionReaders<R> = Record<
  string,
  { columns: readonly string[]; prop?: string; read: (row: R) => unknown }
>;

export interface ColumnPlan<T, R> {
  /** Sorted field names: part of the loader's name. */
  key: string;
  columns: string[];
  build(row: R): T;
}

/**
 * `always`: columns a loader needs whatever is selected (its key, a relation's column);
 * `alwaysFields`: fields built whatever is selected (what a cursor is made of); `path`:
 * where the node sits below the resolver (`edges`, `node` for a connection).
 */
export function planFor<T extends object, R>(
  info: GraphQLResolveInfo,
  readers: FieldReaders<T, R> | SelectionReaders<R>,
  always: readonly string[],
  make: (fields: Partial<T>) => T,
  options: { path?: readonly string[]; alwaysFields?: readonly string[] } = {},
): ColumnPlan<T, R> {
  const selected = new Set([...selectedFields(info, options.path), ...(options.alwaysFields ?? [])]);
  return planForFields(selected, readers, always, make);
}

/** The same plan from the names of the selected fields (a prefetch knows them, not an info). */
export function planForFields<T extends object, R>(
  selected: ReadonlySet<string>,
  readers: FieldReaders<T, R> | SelectionReaders<R>,
  always: readonly string[],
  make: (fields: Partial<T>) => T,
): ColumnPlan<T, R> {
  const all = readers as SelectionReaders<R>;
  const fields = [...selected].filter((f) => f in all).sort();
  const columns = new Set(always);
  for (const f of fields) for (const c of all[f]!.columns) columns.add(c);
  const read = fields.map((f) => [all[f]!.prop ?? f, all[f]!.read] as const);
  return {
    key: fields.join(','),
    columns: [...columns],
    build(row) {
      const out: Record<string, unknown> = {};
      for (const [f, r] of read) out[f] = r(row);
      return make(out as Partial<T>);
    },
  };
}

export const instant = (v: unknown): Date | null =>
  v === null || v === undefined ? null : new Date(v as string);
export const orNull = (v: unknown) => v ?? null;

/** A field read from one column of a row, as is or converted. */
export const col = (column: string, read: (v: unknown) => unknown = (v) => v) => ({
  columns: [column],
  read: (r: Record<string, unknown>) => read(r[column]) as never,
});
