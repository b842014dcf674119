/**
 * The fast lane (issue 9): a dashboard sends the same few queries over and over, and for
 * a small one Apollo's request pipeline (hashing the text, the document store, content
 * negotiation, a dozen plugin hooks, formatting) costs more CPU than running it. A query
 * whose exact text Apollo has already parsed and validated, sent as a plain JSON POST, is
 * answered here instead: the same guard (access, limits, the key's rate budget), the same
 * executor, the same body Apollo would write.
 *
 * Only the clean case is answered here. Anything else goes on to Apollo untouched: a
 * refusal by the guard (Apollo reuses its outcome, so the key is charged once), an answer
 * with errors (Apollo runs the query again and formats them, as before), batches, GET,
 * another Accept, mutations, unknown documents.
 */
import type { HeaderMap } from '@apollo/server';
import { type GraphQLSchema, getOperationAST } from 'graphql';
import type { GraphContext } from './context';
import type { HubExecutor } from './executor';
import type { GuardOperation } from './limits';

export interface FastLane {
  executor: HubExecutor;
  schema: GraphQLSchema;
  guard: GuardOperation;
  /** An answered operation, for the metrics (name as Apollo reports it, seconds taken). */
  onAnswered?: (operationName: string | null, seconds: number) => void;
}

/** What Apollo answers a request with no Accept header, or one asking for plain JSON. */
export const FAST_LANE_CONTENT_TYPE = 'application/json; charset=utf-8';
const PLAIN_ACCEPT = new Set(['', '*/*', 'application/json']);
const REQUEST_KEYS = new Set(['query', 'variables', 'operationName']);

interface PlainRequest {
  query: string;
  variables: Record<string, unknown> | undefined;
  operationName: string | null;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The request as the lane takes it: one JSON operation and nothing unusual; else null. */
function plainRequest(method: string, body: unknown, headers: HeaderMap): PlainRequest | null {
  if (method !== 'POST' || !isPlainObject(body)) return null;
  if (!PLAIN_ACCEPT.has((headers.get('accept') ?? '').trim())) return null;
  if (!(headers.get('content-type') ?? '').includes('application/json')) return null;
  if (!Object.keys(body).every((k) => REQUEST_KEYS.has(k))) return null;
  const { query, variables, operationName } = body;
  if (typeof query !== 'string') return null;
  if (variables != null && !isPlainObject(variables)) return null;
  if (operationName != null && typeof operationName !== 'string') return null;
  return { query, variables: variables ?? undefined, operationName: operationName ?? null };
}

/** The response body for this request, or null when Apollo must answer it. */
export async function fastAnswer(
  lane: FastLane,
  method: string,
  body: unknown,
  headers: HeaderMap,
  ctx: GraphContext,
): Promise<string | null> {
  const started = performance.now();
  const request = plainRequest(method, body, headers);
  if (!request) return null;
  const document = lane.executor.knownQuery(request.query);
  if (!document) return null;
  const operation = getOperationAST(document, request.operationName);
  if (operation?.operation !== 'query') return null;
  const outcome = lane.guard(ctx, lane.schema, document, operation, request.variables ?? {});
  ctx.preGuarded = { query: request.query, operationName: request.operationName, outcome };
  try {
    await outcome;
  } catch {
    return null; // refused: Apollo answers it from the same outcome
  }
  const result = await lane.executor
    .run({
      document,
      operation,
      operationName: request.operationName,
      context: ctx,
      variables: request.variables,
    })
    .catch(() => null); // Apollo runs it again and answers the failure as it always has
  if (!result || result.errors?.length) return null;
  lane.onAnswered?.(operation.name?.value ?? request.operationName, (performance.now() - started) / 1000);
  // Apollo's own serialization (orderExecutionResultFields, prettyJSONStringify).
  return `${JSON.stringify({ data: result.data, extensions: result.extensions })}\n`;
}
