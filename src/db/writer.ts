import type { Source } from '../domain/model';
import type { TableSpec } from './upsert';

/** How the rows of one connector stream land in one table. Modules define their own. */
export interface StreamWriter<Row = unknown> {
  source: Source;
  stream: string;
  spec: TableSpec;
  toValues(row: Row): Record<string, unknown>;
}

export function defineWriter<Row>(writer: StreamWriter<Row>): StreamWriter<unknown> {
  return writer as StreamWriter<unknown>;
}
