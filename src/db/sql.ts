/**
 * Runs SQL with bound parameters inside the EntityManager's transaction. `em.execute`
 * inlines every parameter into the SQL text (escaping it character by character); for the
 * sync's batches, one JSON parameter of a megabyte or more, and for the graph's reads, a
 * real bind parameter is cheaper on both ends, and an array binds as one PostgreSQL array
 * (`= any(?::text[])`). Each statement is logged as the ORM logs its own (debug `query`),
 * so statement-counting tests see these too.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

/** Statement names by SQL text: one hash per distinct text, not per call. */
const names = new Map<string, string>();
function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `hub_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    if (names.size < 10_000) names.set(sql, name);
  }
  return name;
}

/**
 * `prepared`: a named statement, parsed (and after a few runs planned) once per
 * connection: for the graph's reads, whose texts repeat, planning costs as much as running.
 */
export async function query<T = Record<string, unknown>>(
  em: EntityManager,
  sql: string,
  params: unknown[] = [],
  options: { prepared?: boolean } = {},
): Promise<T[]> {
  const q = em.getKnex().raw(sql, params as never[]);
  if (options.prepared) q.options({ name: statementName(sql) });
  const tx = em.getTransactionContext();
  if (tx) q.transacting(tx);
  const started = Date.now();
  const res = (await q) as { rows: T[] };
  em.config
    .getLogger()
    .logQuery({ query: sql, level: 'info', took: Date.now() - started, results: res.rows.length });
  return res.rows;
}

/** A read the graph repeats with other values: a named (prepared) statement. */
export function readQuery<T = Record<string, unknown>>(
  em: EntityManager,
  sql: string,
  params: unknown[] = [],
) {
  return query<T>(em, sql, params, { prepared: true });
}
