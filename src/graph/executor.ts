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

export function jitGateway(schema: GraphQLSchema): Gateway {
  const cache = new WeakMap<DocumentNode, Compiled>();

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

  async function run(rc: {
    document: DocumentNode;
    operation: OperationDefinitionNode;
    operationName: string | null;
    context: unknown;
    request: { variables?: Record<string, unknown> };
  }): Promise<ExecutionResult> {
    const raw = rc.request.variables ?? {};
    const defs = rc.operation.variableDefinitions ?? [];
    if (defs.length) {
      // graphql-js's coercion, for its errors; graphql-jit coerces the raw values itself.
      // An enum value's "Did you mean …?" names the schema: only for roles with introspection.
      const hideSuggestions = !seesSuggestions(rc.context as GraphContext);
      const coerced = getVariableValues(schema, defs, raw, { maxErrors: 50, hideSuggestions });
      if (coerced.errors) return { errors: coerced.errors };
    }
    const q = compiled(rc.document, rc.operationName);
    if (!q) {
      return execute({
        schema,
        document: rc.document,
        contextValue: rc.context,
        variableValues: raw,
        operationName: rc.operationName,
      });
    }
    const result = await q.query(undefined, rc.context, withDefaults(raw, defs));
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  }

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async load() {
      return { executor: (rc) => run(rc) as never };
    },
    async stop() {},
  };
}
