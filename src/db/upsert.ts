/**
 * Idempotent batched writes. One statement per batch: the rows travel as one JSON array,
 * unpacked by `jsonb_to_recordset`, and `ON CONFLICT … DO UPDATE … WHERE content_hash IS
 * DISTINCT FROM` makes an unchanged record cost no write at all. `xmax = 0` tells
 * inserted rows from updated ones.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from './sql';

export type ColumnType =
  | 'text'
  | 'integer'
  | 'bigint'
  | 'boolean'
  | 'numeric'
  | 'timestamptz'
  | 'date'
  | 'jsonb'
  | 'text[]';

/** How one synced table is written. Every synced table has one text key column. */
export interface TableSpec {
  table: string;
  key: string;
  /** Data columns (snake_case) and their SQL types, key excluded. */
  columns: Record<string, ColumnType>;
}

export interface UpsertRow {
  key: string;
  values: Record<string, unknown>;
  raw: unknown;
}

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Stable JSON (sorted keys), so equal content always hashes the same. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

/**
 * The identity of a row's content. Plain JSON, not sorted: writers emit keys in a fixed
 * order and upstream payloads keep theirs, and sorting every key of every row cost a
 * quarter of a sync's CPU. An upstream that reorders keys costs one rewrite, nothing more.
 */
export function contentHash(values: unknown, raw: unknown): string {
  return createHash('sha1')
    .update(JSON.stringify([values, raw]))
    .digest('base64url');
}

const statements = new Map<string, string>();

function upsertSql(spec: TableSpec): string {
  const cached = statements.get(spec.table);
  if (cached) return cached;
  const names = [spec.key, ...Object.keys(spec.columns), 'raw', 'content_hash'];
  const types = [
    `"${spec.key}" text`,
    ...Object.entries(spec.columns).map(([c, t]) => `"${c}" ${t}`),
    `"raw" jsonb`,
    `"content_hash" text`,
  ];
  const quoted = names.map((n) => `"${n}"`).join(', ');
  const updates = names
    .filter((n) => n !== spec.key)
    .map((n) => `"${n}" = excluded."${n}"`)
    .join(', ');
  const sql =
    `insert into "${spec.table}" as t (${quoted}) ` +
    `select ${quoted} from jsonb_to_recordset(?::jsonb) as x(${types.join(', ')}) ` +
    `on conflict ("${spec.key}") do update set ${updates}, "updated_at" = now(), "deleted_at" = null ` +
    `where t."content_hash" is distinct from excluded."content_hash" or t."deleted_at" is not null ` +
    `returning (xmax = 0) as inserted`;
  statements.set(spec.table, sql);
  return sql;
}

/**
 * Writes one batch inside the caller's transaction. Duplicate keys in the batch (an
 * upstream that repeats a record) collapse to the last one: PostgreSQL refuses to touch a
 * row twice in one statement.
 */
export async function upsertRows(
  em: EntityManager,
  spec: TableSpec,
  rows: UpsertRow[],
): Promise<UpsertCounts> {
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const byKey = new Map<string, Record<string, unknown>>();
  for (const r of rows) {
    byKey.set(r.key, {
      ...r.values,
      [spec.key]: r.key,
      raw: r.raw ?? null,
      content_hash: contentHash(r.values, r.raw ?? null),
    });
  }
  const batch = [...byKey.values()];
  const result = await query<{ inserted: boolean }>(em, upsertSql(spec), [JSON.stringify(batch)]);
  const inserted = result.filter((r) => r.inserted).length;
  return { inserted, updated: result.length - inserted, unchanged: batch.length - result.length };
}
