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

/** knex's own rule (its positionBindings): each `?` a parameter (`$1`, `$2`, …), an escaped one a question mark. */
const positional = new Map<string, string>();
function positionalText(sql: string): string {
  let text = positional.get(sql);
  if (text === undefined) {
    let n = 0;
    text = sql.replace(/(\\*)(\?)/g, (_match, escapes: string) => (escapes.length % 2 ? '?' : `$${++n}`));
    if (positional.size < 10_000) positional.set(sql, text);
  }
  return text;
}

interface PooledClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}
interface KnexClient {
  acquireConnection(): Promise<PooledClient>;
  releaseConnection(c: PooledClient): Promise<void>;
}

/**
 * A read the graph repeats with other values: a named (prepared) statement. Outside a
 * transaction it goes straight to a pooled connection: knex's query builder, runner and
 * events cost more per statement than a small page takes to run (issue 9); the pool, the
 * session and the statement scope (src/db/statement-scope.ts) are the same.
 */
export async function readQuery<T = Record<string, unknown>>(
  em: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  if (em.getTransactionContext()) return query<T>(em, sql, params, { prepared: true });
  const client = em.getKnex().client as unknown as KnexClient;
  const started = Date.now();
  const connection = await client.acquireConnection();
  let rows: T[];
  try {
    const res = await connection.query({
      name: statementName(sql),
      text: positionalText(sql),
      values: params,
    });
    rows = res.rows as T[];
  } finally {
    await client.releaseConnection(connection);
  }
  em.config
    .getLogger()
    .logQuery({ query: sql, level: 'info', took: Date.now() - started, results: rows.length });
  return rows;
}
