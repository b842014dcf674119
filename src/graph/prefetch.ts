/**
 * Relations answered inside their list's own statement (issue 9). A list resolver asks for
 * the fields selected on its nodes that a module knows how to answer in SQL (a dossier's
 * procedure name, an agency's count of dossiers, a procedure's listings) and adds each as
 * one more column of its page, a scalar subquery per row that PostgreSQL returns as JSON.
 * The node then carries those answers, and the field's resolver hands them back without a
 * loader, a batch or another round trip: one statement per request instead of one per
 * relation, and no per-row resolver machinery.
 *
 * A provider returns null for what it does not cover (other arguments, a cursor, bad
 * input): that field then resolves as before, so behaviour and errors never change.
 * Personal data (applicant, sender) is never prefetched: its masking stays in its resolver.
 */
import {
  type FieldNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  getArgumentValues,
  isObjectType,
} from 'graphql';
import type { GraphContext } from './context';
import { fieldsByKey, fieldsOf } from './selection';

/** On a node: response key → the prefetched answer of that field. */
export const PREFETCHED = Symbol('prefetched');

export interface PrefetchSql {
  /** A scalar subquery (its value: JSON or a number) over the parent row. */
  sql: string;
  params: unknown[];
  read: (value: unknown) => unknown;
}

export interface PrefetchRequest {
  /** A parent row's column as SQL (`code` → `a.code`). */
  col: (column: string) => string;
  /** The field's coerced arguments. */
  args: Record<string, unknown>;
  /** Names of the fields selected below it (fragments included). */
  selected: Set<string>;
  ctx: GraphContext;
}

export type PrefetchProvider = (r: PrefetchRequest) => PrefetchSql | null;

const providers = new Map<string, PrefetchProvider>();

/** Registered by the module that owns the relation, at load time. */
export function registerPrefetch(type: string, field: string, provider: PrefetchProvider): void {
  providers.set(`${type}.${field}`, provider);
}

export interface Prefetch {
  /** Select-list items, `(…) as "__pf0"`, to add to the page's statement. */
  columns: string[];
  /** Their parameters, in the order the items appear. */
  params: unknown[];
  /** Puts the answers of one page row on its node. */
  attach<T extends object>(node: T, row: Record<string, unknown>): T;
}

const NONE: Prefetch = { columns: [], params: [], attach: (node) => node };

/**
 * What can be prefetched for the nodes of this resolver's list (at `path` below it, e.g.
 * `edges`, `node`), whose GraphQL type is `type`.
 */
export function prefetchFor(
  info: GraphQLResolveInfo,
  ctx: GraphContext,
  type: string,
  path: readonly string[],
  col: (column: string) => string,
): Prefetch {
  const objectType = info.schema.getType(type);
  if (!isObjectType(objectType)) return NONE;
  const fields = objectType.getFields();
  const items: { key: string; sql: PrefetchSql }[] = [];
  for (const [key, nodes] of fieldsByKey(info, path)) {
    const provider = providers.get(`${type}.${nodes[0]!.name.value}`);
    const def = fields[nodes[0]!.name.value];
    if (!provider || !def) continue;
    const args = sameArguments(def, nodes, info);
    if (!args) continue;
    const sql = provider({ col, args, selected: fieldsOf(nodes, info), ctx });
    if (sql) items.push({ key, sql });
  }
  if (!items.length) return NONE;
  return {
    columns: items.map((it, i) => `(${it.sql.sql}) as "__pf${i}"`),
    params: items.flatMap((it) => it.sql.params),
    attach(node, row) {
      const answers: Record<string, unknown> = {};
      items.forEach((it, i) => {
        answers[it.key] = it.sql.read(row[`__pf${i}`]);
      });
      Object.defineProperty(node, PREFETCHED, { value: answers });
      return node;
    },
  };
}

/** The arguments, when every occurrence of the response key has the same (else null: not prefetched). */
function sameArguments(
  def: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
  info: GraphQLResolveInfo,
): Record<string, unknown> | null {
  try {
    const first = getArgumentValues(def, nodes[0]!, info.variableValues);
    const text = JSON.stringify(first);
    for (const n of nodes.slice(1))
      if (JSON.stringify(getArgumentValues(def, n, info.variableValues)) !== text) return null;
    return first;
  } catch {
    return null; // the resolver reports it as before
  }
}

/**
 * Lets every field with a resolver answer from its node's prefetched values first (in
 * place, once). Leaf and plain fields are untouched.
 */
export function prefetchingSchema(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || !providers.has(`${type.name}.${field.name}`)) continue;
      field.resolve = (source, args, context, info) => {
        const answers = (source as { [PREFETCHED]?: Record<string, unknown> } | null)?.[PREFETCHED];
        if (answers && info.path.key in answers) return answers[info.path.key as string];
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
