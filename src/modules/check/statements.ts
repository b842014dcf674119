/** Runs a check run's SQL in its transaction and counts the statements (the benchmark reports them). */
import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../db/sql';

export class Statements {
  count = 0;

  constructor(readonly em: EntityManager) {}

  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    this.count++;
    return query<T>(this.em, sql, params);
  }
}
