/**
 * Coded errors. Every error a client sees carries `extensions.code`; anything unexpected is
 * masked as INTERNAL_SERVER_ERROR, with no stack and no internals, and logged once with the
 * request id (src/graph/limits/plugin.ts `didEncounterErrors`).
 */
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError, Kind } from 'graphql';
import { isCancelledStatement } from '../db/statement-scope';
import { HubError } from '../domain/errors';
import type { Logger } from '../log';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'REQUEST_TIMEOUT'
  | 'REQUEST_TOO_LARGE'
  | 'QUERY_TIMEOUT'
  | 'SHUTTING_DOWN'
  | 'INTERNAL_SERVER_ERROR';

const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  QUERY_TOO_COMPLEX: 400,
  RATE_LIMITED: 429,
};

export function codedError(
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): GraphQLError {
  const status = STATUS[code];
  return new GraphQLError(message, {
    extensions: { code, ...extra, ...(status ? { http: { status } } : {}) },
  });
}

export const badInput = (message: string, argument?: string) =>
  codedError('BAD_USER_INPUT', message, argument ? { argument } : {});
export const notFound = (message: string) => codedError('NOT_FOUND', message);

/** Codes a client may see as they are; graphql-js and Apollo add the first four. */
const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'REQUEST_TIMEOUT',
  'REQUEST_TOO_LARGE',
  'QUERY_TIMEOUT',
  'SHUTTING_DOWN',
]);

/**
 * A variable that failed coercion: graphql-js locates the error at the variable's
 * definition (its only node) and at no field path. Apollo already codes most of these
 * BAD_USER_INPUT; this catches the rest by the error's structure, never its message.
 */
function isVariableError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.path) return false;
  return error.nodes?.length === 1 && error.nodes[0]?.kind === Kind.VARIABLE_DEFINITION;
}

/** Whether a client sees the error as it is (coded, or a HubError with a graph code). */
export function isClientError(error: GraphQLError): boolean {
  const code = error.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH.has(code)) return true;
  if (isVariableError(error)) return true;
  const original = unwrapResolverError(error);
  return original instanceof HubError && Boolean(original.graphCode);
}

/** Logs an unexpected error once, with what identifies the request, never its data. */
export function logInternalError(log: Logger, error: unknown, where: Record<string, unknown>): void {
  const original = unwrapResolverError(error) as Error;
  log.error(
    { event: 'graphql_internal_error', ...where, err: { name: original?.name, message: original?.message } },
    'unexpected error in a resolver',
  );
}

/**
 * A statement PostgreSQL cancelled. A request cancelled as a whole (REQUEST_TIMEOUT, shutdown)
 * is answered by its budget's error before any of these is formatted, so what is left is
 * the statement's own statement_timeout.
 */
export function isStatementTimeout(error: unknown): boolean {
  return isCancelledStatement(unwrapResolverError(error));
}

export function formatError(options: { statementTimeoutMs?: number } = {}) {
  const seconds = options.statementTimeoutMs ? ` (${options.statementTimeoutMs / 1000} s)` : '';
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASS_THROUGH.has(code)) {
      const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (isVariableError(unwrapResolverError(error))) {
      return {
        message: formatted.message,
        locations: formatted.locations,
        extensions: { code: 'BAD_USER_INPUT' },
      };
    }
    // The statement's text stays in the log (with the request id), never in the answer.
    if (isStatementTimeout(error)) {
      return {
        message: `a database statement ran longer than STATEMENT_TIMEOUT${seconds} and was cancelled; ask for less (a narrower filter, a shorter period, smaller pages)`,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: 'QUERY_TIMEOUT' },
      };
    }
    const original = unwrapResolverError(error) as Error;
    // A HubError says itself how the graph shows it; one without a graph code is internal.
    if (original instanceof HubError && original.graphCode) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: original.graphCode },
      };
    }
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
