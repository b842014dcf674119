/**
 * Each synced table is declared once for its columns: the entity. Writers read their column
 * lists from it (src/db/writer.ts tableSpecOf), and the migration creates the table. The
 * migration test proves entity = migration; this one proves writer = entity = the migrated
 * table, column by column and type by type, for every written table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnType } from '../../src/db/upsert';
import { SOURCES } from '../../src/domain/model';
import { writersOf } from '../../src/sync/writers';
import { createTestDatabase, type TestDatabase } from '../support/db';

/**
 * Columns every synced row has that the upsert itself fills (src/db/base.entity.ts SyncedRow),
 * and the one personal-data retention fills on dossier and feedback (src/sync/retention.ts).
 */
const UPSERT_OWNED = ['raw', 'content_hash', 'deleted_at', 'created_at', 'updated_at', 'pii_erased_at'];

/** PostgreSQL's name (information_schema udt_name) of each writer column type. */
const UDT: Record<ColumnType, string> = {
  text: 'text',
  integer: 'int4',
  bigint: 'int8',
  boolean: 'bool',
  numeric: 'numeric',
  timestamptz: 'timestamptz',
  date: 'date',
  jsonb: 'jsonb',
  'text[]': '_text',
};

/** Column type names the ORM keeps as written in the entity, and the writer's name for them. */
const SYNONYMS: Record<string, string> = { int: 'integer', int4: 'integer', int8: 'bigint', bool: 'boolean' };

const writers = SOURCES.flatMap((s) => writersOf(s));

describe('stream writers', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  async function tableColumns(table: string): Promise<Map<string, string>> {
    const rows = await db.orm.em.fork().execute<{ column_name: string; udt_name: string }[]>(
      `select column_name, udt_name from information_schema.columns
          where table_schema = current_schema() and table_name = ?`,
      [table],
    );
    return new Map(rows.map((r) => [r.column_name, r.udt_name]));
  }

  it('cover every synced stream', () => {
    expect(writers.map((w) => `${w.source}/${w.stream}`).sort()).toEqual([
      'IGATE/agencies',
      'IGATE/dossiers',
      'IGATE/listings',
      'NATIONAL/agencies',
      'NATIONAL/procedures',
      'NATIONAL/sectors',
      'PAKN/feedbacks',
    ]);
  });

  it.each(
    writers.map((w) => [`${w.source}/${w.stream} → ${w.spec.table}`, w] as const),
  )('%s writes exactly the migrated table’s data columns, with their types', async (_name, writer) => {
    const live = await tableColumns(writer.spec.table);
    const written = { [writer.spec.key]: 'text', ...writer.spec.columns } as Record<string, ColumnType>;
    const expected = [...live.keys()].filter((c) => !UPSERT_OWNED.includes(c)).sort();
    expect(Object.keys(written).sort()).toEqual(expected);
    for (const [column, type] of Object.entries(written)) {
      expect({ column, type: live.get(column) }).toEqual({ column, type: UDT[type] });
    }
  });

  it.each(
    writers.map((w) => [`${w.source}/${w.stream} → ${w.spec.table}`, w] as const),
  )('%s agrees with its entity’s metadata', (_name, writer) => {
    const meta = Object.values(db.orm.getMetadata().getAll()).find(
      (m) => m.tableName === writer.spec.table && !m.abstract,
    );
    expect(meta, `an entity maps ${writer.spec.table}`).toBeDefined();
    const entityColumns = new Map<string, string>();
    for (const p of meta!.props) {
      if (p.persist === false) continue;
      for (const field of p.fieldNames ?? []) {
        const type = String(p.columnTypes?.[0] ?? '');
        entityColumns.set(field, SYNONYMS[type] ?? type);
      }
    }
    const written = { [writer.spec.key]: 'text', ...writer.spec.columns } as Record<string, ColumnType>;
    const expected = [...entityColumns.keys()].filter((c) => !UPSERT_OWNED.includes(c)).sort();
    expect(Object.keys(written).sort()).toEqual(expected);
    for (const [column, type] of Object.entries(written)) {
      expect({ column, type: entityColumns.get(column) }).toEqual({ column, type });
    }
  });
});
