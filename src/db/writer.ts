import { type EntityProperty, MetadataStorage, UnderscoreNamingStrategy } from '@mikro-orm/core';
import { HubError } from '../domain/errors';
import type { Source } from '../domain/model';
import { SyncedRow } from './base.entity';
import type { PersonalDataSpec } from './personal-data';
import type { ColumnType, TableSpec } from './upsert';

/** How the rows of one connector stream land in one table. Modules define their own. */
export interface StreamWriter<Row = unknown> {
  source: Source;
  stream: string;
  spec: TableSpec;
  toValues(row: Row): Record<string, unknown>;
  /** Citizens' personal data in the table, erased past PII_RETENTION_DAYS (src/sync/retention.ts). */
  personal?: PersonalDataSpec;
}

export function defineWriter<Row>(writer: StreamWriter<Row>): StreamWriter<unknown> {
  return writer as StreamWriter<unknown>;
}

const naming = new UnderscoreNamingStrategy();

/** The writer's name for each column type the entities declare (their columnType, else their type). */
const COLUMN_TYPES: Record<string, ColumnType> = {
  text: 'text',
  string: 'text',
  integer: 'integer',
  int: 'integer',
  int4: 'integer',
  bigint: 'bigint',
  int8: 'bigint',
  boolean: 'boolean',
  bool: 'boolean',
  numeric: 'numeric',
  decimal: 'numeric',
  timestamptz: 'timestamptz',
  date: 'date',
  jsonb: 'jsonb',
  'text[]': 'text[]',
};

/**
 * A synced table's columns, read from its entity's own properties (the ones SyncedRow adds
 * are the upsert's: raw, content_hash, deleted_at, timestamps), so each column is declared
 * once, in the entity. `notWritten`: the entity's properties another writer fills (e.g.
 * retention's `piiErasedAt`). test/db/writers.test.ts checks the result against the
 * migrated table.
 */
export function tableSpecOf(entity: abstract new () => unknown, notWritten: string[] = []): TableSpec {
  const meta = MetadataStorage.getMetadataFromDecorator(entity as new () => unknown);
  const table = meta.tableName ?? naming.classToTableName(entity.name);
  const props = ownProperties(entity);
  const key = props.find((p) => p.primary);
  if (!key) throw new HubError('writer_without_key', `${entity.name}: a synced entity needs its text key`);
  const columns: Record<string, ColumnType> = {};
  for (const p of props) {
    if (p.primary || notWritten.includes(p.name)) continue;
    columns[columnOf(p)] = columnTypeOf(entity.name, p);
  }
  return { table, key: columnOf(key), columns };
}

/** The properties of the entity and its shapes (e.g. ProcedureShape), SyncedRow's excluded. */
function ownProperties(entity: abstract new () => unknown): EntityProperty[] {
  const chain: (abstract new () => unknown)[] = [];
  for (let c = entity; c && c !== SyncedRow; c = Object.getPrototypeOf(c)) chain.unshift(c);
  return chain.flatMap((c) =>
    Object.values(
      MetadataStorage.getMetadataFromDecorator(c as new () => unknown).properties as Record<
        string,
        EntityProperty
      >,
    ),
  );
}

function columnOf(p: EntityProperty): string {
  return (p as { fieldName?: string }).fieldName ?? naming.propertyToColumnName(p.name);
}

function columnTypeOf(entity: string, p: EntityProperty): ColumnType {
  // As the decorator declared it (discovery later turns `columnType` into `columnTypes`).
  const declared = String((p as { columnType?: string }).columnType ?? p.type).toLowerCase();
  const type = COLUMN_TYPES[declared];
  if (!type)
    throw new HubError(
      'writer_column_type',
      `${entity}.${p.name}: no writer type for column type ${declared}`,
    );
  return type;
}
