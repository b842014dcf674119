/**
 * Typed connector errors. `code` is a stable snake_case name the sync ledger stores;
 * `retryable` is what `decideRetry` reads for errors that carry no HTTP status.
 */

import { HubError } from '../../src/domain/errors';

export interface ConnectorErrorOptions {
  retryable?: boolean;
  /** HTTP status of the response that caused the error, when there was one. */
  status?: number;
  /** Raw `Retry-After` header (seconds or HTTP-date), read by `decideRetry`. */
  retryAfter?: string;
  cause?: unknown;
}

/** A connector's failure: a HubError that may carry the HTTP response's status and Retry-After. */
export class ConnectorError extends HubError {
  readonly status?: number;
  readonly retryAfter?: string;

  constructor(code: string, message: string, options: ConnectorErrorOptions = {}) {
    super(code, message, { cause: options.cause, retryable: options.retryable ?? false });
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfter !== undefined) this.retryAfter = options.retryAfter;
  }
}

/**
 * Bad credentials or URL: never retried. The message names the setting to fix and
 * never contains the secret itself.
 */
export class ConfigurationError extends ConnectorError {
  /** The environment variable(s) to check, e.g. `NATIONAL_USERNAME/NATIONAL_PASSWORD`. */
  readonly setting: string;

  constructor(
    code: string,
    setting: string,
    message: string,
    options: Omit<ConnectorErrorOptions, 'retryable'> = {},
  ) {
    super(code, `${message} (check ${setting})`, { ...options, retryable: false });
    this.setting = setting;
  }
}

/** The upstream answered HTTP 200 but its envelope carries an error code. */
export class UpstreamProtocolError extends ConnectorError {
  /** The upstream's own error code (`-500`, `"99"`…). */
  readonly upstreamCode: string | number;

  constructor(
    code: string,
    upstreamCode: string | number,
    message: string,
    options: ConnectorErrorOptions = {},
  ) {
    super(code, message, options);
    this.upstreamCode = upstreamCode;
  }
}

export function isConnectorError(error: unknown): error is ConnectorError {
  return error instanceof ConnectorError;
}
