/**
 * Each writer's toValues emits exactly its table's data columns (the ones tableSpecOf reads
 * from the entity), no more and none missing, for rows the real connectors read from the
 * simulated portals over HTTP. Beside test/db/writers.test.ts (writer = entity = migration):
 * a column added to an entity but not to its writer's toValues, or a value named after no
 * column, fails here before the upsert writes a null or PostgreSQL refuses the statement.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCES, type Source } from '../../src/domain/model';
import { createLogger } from '../../src/log';
import { connectorFactory } from '../../src/sync/connectors';
import { writersOf } from '../../src/sync/writers';
import { testConfig } from '../support/hub';
import { type Portals, startPortals } from '../support/province';

/** Up to this many rows of each stream's first pages: every shape the simulators serve early. */
const ROWS_PER_STREAM = 200;

describe("each writer's toValues", () => {
  let portals: Portals;
  const rows = new Map<string, unknown[]>();
  beforeAll(async () => {
    portals = await startPortals({ procedures: 40, dossiers: 150, feedbacks: 80 });
    const connectors = connectorFactory(testConfig(portals.env), createLogger('silent'));
    for (const source of SOURCES) {
      const connector = connectors(source);
      try {
        for (const stream of connector.streams) rows.set(`${source}/${stream.name}`, await firstRows(stream));
      } finally {
        await connector.close?.();
      }
    }
  }, 120_000);
  afterAll(async () => {
    await portals?.close();
  });

  const writers = SOURCES.flatMap((source: Source) => writersOf(source));
  it.each(
    writers.map((w) => [`${w.source}/${w.stream} → ${w.spec.table}`, w] as const),
  )('%s emits exactly the entity’s data columns, each with a value (null, never undefined)', (name, writer) => {
    const read = rows.get(`${writer.source}/${writer.stream}`) ?? [];
    expect(read.length, `${name}: rows read`).toBeGreaterThan(0);
    const columns = Object.keys(writer.spec.columns).sort();
    for (const row of read) {
      const values = writer.toValues(row);
      expect(Object.keys(values).sort()).toEqual(columns);
      const undefinedColumns = Object.entries(values)
        .filter(([, v]) => v === undefined)
        .map(([c]) => c);
      expect(undefinedColumns).toEqual([]);
    }
  });
});

/** The rows of a stream's first pages, up to ROWS_PER_STREAM, as the connector maps them. */
async function firstRows(stream: {
  read(o: { full: boolean; cursor: null; resumeFrom: null }): AsyncIterable<{ items: { row: unknown }[] }>;
}): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const page of stream.read({ full: true, cursor: null, resumeFrom: null })) {
    out.push(...page.items.map((i) => i.row));
    if (out.length >= ROWS_PER_STREAM) break;
  }
  return out;
}
