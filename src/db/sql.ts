/**
 * Runs SQL with bound parameters inside the EntityManager's transaction. `em.execute`
 * inlines every parameter into the SQL text (escaping it character by character); for the
 * sync's batches, one JSON parameter of a megabyte or more, and for the graph's reads, a
 * real bind parameter is cheaper on both ends, and an array binds as one PostgreSQL array
 * (`= any(?::text[])`). Each statement is logged as the ORM logs its own (debug `query`),
 * so statement-counting tests see these too.
 */
import type { EntityManager } from '@mikro-orm/postgresql';

export async function query<T = Record<string, unknown>>(
  em: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const q = em.getKnex().raw(sql, params as never[]);
  const tx = em.getTransactionContext();
  if (tx) q.transacting(tx);
  const started = Date.now();
  const res = (await q) as { rows: T[] };
  em.config
    .getLogger()
    .logQuery({ query: sql, level: 'info', took: Date.now() - started, results: res.rows.length });
  return res.rows;
}
