import type { Source } from '../domain/model';
import type { PersonalDataSpec } from './personal-data';
import type { TableSpec } from './upsert';

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
