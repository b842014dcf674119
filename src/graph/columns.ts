/**
 * Reading only what a request selects: each field of a node names the columns it is built
 * from and how, so a loader selects those columns (never the raw payload) and builds a
 * plain object with just those fields. Different selections use different loaders, so a
 * node built for one never answers a field it was not built for.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { selectedFields } from './selection';

export type FieldReaders<T, R> = { [K in keyof T]?: { columns: readonly string[]; read: (row: R) => T[K] } };

export interface ColumnPlan<T, R> {
  /** Sorted field names: part of the loader's name. */
  key: string;
  columns: string[];
  build(row: R): T;
}

/** `always`: columns a loader needs whatever is selected (its key, a relation's column). */
export function planFor<T extends object, R>(
  info: GraphQLResolveInfo,
  readers: FieldReaders<T, R>,
  always: readonly string[],
  make: (fields: Partial<T>) => T,
): ColumnPlan<T, R> {
  const fields = [...selectedFields(info)].filter((f) => f in readers).sort() as (keyof T & string)[];
  const columns = new Set(always);
  for (const f of fields) for (const c of readers[f]!.columns) columns.add(c);
  const read = fields.map((f) => [f, readers[f]!.read] as const);
  return {
    key: fields.join(','),
    columns: [...columns],
    build(row) {
      const out: Partial<T> = {};
      for (const [f, r] of read) out[f] = r(row);
      return make(out);
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
