/**
 * Runs SQL with bound parameters inside the EntityManager's transaction. `em.execute`
 * inlines every parameter into the SQL text (escaping it character by character); for the
 * sync's batches, one JSON parameter of a megabyte or more, a real bind parameter is
 * several times cheaper on both ends.
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
  const res = (await q) as { rows: T[] };
  return res.rows;
}
