/**
 * The hub's one error type. Every error the hub raises on purpose is a HubError (or a
 * subclass: the connectors' errors, the sync engine's, the configuration's), so code asks
 * an error what it is through its fields and never reads its message.
 *
 * - `code`: stable snake_case name, stored in the sync ledger and logged;
 * - `retryable`: whether trying again later may succeed (the HTTP kit's `decideRetry`
 *   reads it for errors that carry no HTTP status);
 * - `graphCode`: how the graph shows it (`extensions.code`); null: masked as
 *   INTERNAL_SERVER_ERROR and logged;
 * - `exitCode`: what a `hub` command exits with when it ends with this error.
 *
 * It sits in src/domain, the bottom layer, so connectors and src share it.
 */

/** Codes the graph shows a client as they are (src/graph/errors.ts passes them through). */
export type GraphErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED';

export interface HubErrorOptions {
  cause?: unknown;
  retryable?: boolean;
  graphCode?: GraphErrorCode | null;
  exitCode?: number;
}

export class HubError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  readonly graphCode: GraphErrorCode | null;
  readonly exitCode: number;

  constructor(code: string, message: string, options: HubErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.graphCode = options.graphCode ?? null;
    this.exitCode = options.exitCode ?? 1;
  }
}

export function isHubError(error: unknown): error is HubError {
  return error instanceof HubError;
}

const CODE = /^[a-z][a-z0-9_]+$/;

/**
 * The stable code of any error: a HubError's own, or a library's snake_case `code` field
 * (never anything read from the message); `fallback` otherwise.
 */
export function errorCodeOf(error: unknown, fallback: string): string {
  if (error instanceof HubError) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CODE.test(code) ? code : fallback;
}
