/**
 * The graph's executor: each operation compiled once by graphql-jit into plain JavaScript,
 * then run for every request that sends the same document (issue 9). graphql-js walks the
 * selection set anew on every request and every row, which was most of a list's CPU.
 *
 * Apollo Server 5 has no executor option; its gateway interface is the one way to hand it
 * one. This "gateway" serves the hub's own schema and nothing else: Apollo still parses,
 * validates, runs the plugins (access, limits, rate budget) and formats the errors.
 *
 * Variables are coerced first by graphql-js, so a bad variable is answered exactly as
 * before (same message, HTTP 400); only documents graphql-jit compiles run on it,
 * anything it refuses runs on graphql-js.
 */
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  GraphQLError,
  type GraphQLSchema,
  getVariableValues,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
  valueFromASTUntyped,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { seesSuggestions } from './auth';
import type { GraphContext } from './context';

type Gateway = ApolloServerOptionsWithGateway<never>['gateway'];

/** Per document (Apollo hands back the same parsed object for the same query text), per operation. */
type Compiled = Map<string, CompiledQuery | null>;

/**
 * graphql-jit's errors look like graphql-js's but leave `extensions` undefined when the
 * thrown error has none (a driver's error), where Apollo's formatting expects an object
 * and would answer a bare INTERNAL_SERVER_ERROR without the error's path. Rebuilt as
 * graphql-js errors, they format exactly as before.
 */
function asGraphQLError(e: GraphQLError): GraphQLError {
  const error = new GraphQLError(e.message, {
    path: e.path,
    originalError: e.originalError ?? undefined,
    ...(e.extensions ? { extensions: e.extensions } : {}),
  });
  (error as { locations?: GraphQLError['locations'] }).locations = e.locations;
  return error;
}

/**
 * The raw variables with each omitted variable's default written in. graphql-jit refuses an
 * omitted non-null variable even when it has a default (`$n: Int! = 3`), which the spec
 * allows; graphql-js has already accepted it. The default is written as the client would
 * have sent it (untyped), so both executors coerce the same input.
 */
function withDefaults(
  raw: Record<string, unknown>,
  defs: readonly VariableDefinitionNode[],
): Record<string, unknown> {
  const missing = defs.filter((d) => d.defaultValue && !Object.hasOwn(raw, d.variable.name.value));
  if (!missing.length) return raw;
  const filled = { ...raw };
  for (const d of missing) filled[d.variable.name.value] = valueFromASTUntyped(d.defaultValue!);
  return filled;
}

/** What one execution needs: the parsed operation, the caller's context and raw variables. */
export interface Execution {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName: string | null;
  context: unknown;
  variables?: Record<string, unknown>;
}

export interface HubExecutor {
  /** The executor Apollo runs every operation on. */
  gateway: Gateway;
  run(e: Execution): Promise<ExecutionResult>;
  /**
   * A query document Apollo has parsed and validated before, by its exact text (what the
   * fast lane, src/graph/fast-lane.ts, may answer without Apollo's pipeline).
   */
  knownQuery(source: string): DocumentNode | undefined;
}

/** Documents remembered for the fast lane: dashboards send a handful, over and over. */
const MAX_KNOWN_QUERIES = 1_000;

export function jitExecutor(schema: GraphQLSchema): HubExecutor {
  const cache = new WeakMap<DocumentNode, Compiled>();
  const known = new Map<string, DocumentNode>();

  function compiled(document: DocumentNode, operationName: string | null): CompiledQuery | null {
    let byOperation = cache.get(document);
    if (!byOperation) {
      byOperation = new Map();
      cache.set(document, byOperation);
    }
    const key = operationName ?? '';
    if (byOperation.has(key)) return byOperation.get(key) ?? null;
    const q = compileQuery(schema, document, operationName ?? undefined, {
      // A thrown error's stack is never shown (includeStacktraceInErrorResponses: false).
      disablingCapturingStackErrors: true,
    });
    const usable = isCompiledQuery(q) ? q : null;
    byOperation.set(key, usable);
    return usable;
  }

  async function run(e: Execution): Promise<ExecutionResult> {
    const raw = e.variables ?? {};
    const defs = e.operation.variableDefinitions ?? [];
    if (defs.length) {
      // graphql-js's coercion, for its errors; graphql-jit coerces the raw values itself.
      // An enum value's "Did you mean …?" names the schema: only for roles with introspection.
      const hideSuggestions = !seesSuggestions(e.context as GraphContext);
      const coerced = getVariableValues(schema, defs, raw, { maxErrors: 50, hideSuggestions });
      if (coerced.errors) return { errors: coerced.errors };
    }
    const q = compiled(e.document, e.operationName);
    if (!q) {
      return execute({
        schema,
        document: e.document,
        contextValue: e.context,
        variableValues: raw,
        operationName: e.operationName,
      });
    }
    const result = await q.query(undefined, e.context, withDefaults(raw, defs));
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  }

  const gateway: Gateway = {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async load() {
      return {
        executor: (rc) => {
          // Reaching the executor, the document has parsed and passed validation.
          if (rc.operation.operation === 'query' && known.size < MAX_KNOWN_QUERIES)
            known.set(rc.source, rc.document);
          return run({ ...rc, variables: rc.request.variables }) as never;
        },
      };
    },
    async stop() {},
  };
  return { gateway, run, knownQuery: (source) => known.get(source) };
}
