import { type AxiosError, isAxiosError } from 'axios';
import { ConfigurationError, ConnectorError } from './errors';
import { abortableWait } from './wait';

/**
 * Whether and when to repeat a failed upstream call. Pure: the random source and the
 * clock are injected so the table test can pin them.
 * Faults it covers: upstream-apis.md "Faults every connector must survive".
 */

export interface RetryPolicy {
  /** Retries after the first attempt (so at most maxRetries + 1 calls). */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Cap on an upstream's `Retry-After` (a hostile or broken value must not stall a run). */
  maxRetryAfterMs?: number;
  /** Uniform in [0, 1). */
  random?: () => number;
  now?: () => number;
}

export interface RetryDecision {
  retry: boolean;
  reason: string;
  waitMs: number;
}

export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;

const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EPIPE',
  'EAI_AGAIN',
  'ERR_NETWORK',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET',
]);

/** `attempt` is the number of calls made so far (1 after the first failure). */
export function decideRetry(error: unknown, attempt: number, policy: RetryPolicy): RetryDecision {
  const verdict = classifyFailure(error, policy);
  if (!verdict.retryable) return { retry: false, reason: verdict.reason, waitMs: 0 };
  if (attempt > policy.maxRetries) {
    return { retry: false, reason: `${verdict.reason}; gave up after ${attempt} attempts`, waitMs: 0 };
  }
  const waitMs = verdict.retryAfterMs ?? backoffMs(attempt, policy);
  return { retry: true, reason: verdict.reason, waitMs };
}

/** How a retry loop decides, reports and waits; `decide` is usually `decideRetry` with a policy. */
export interface RetryLoop {
  /** Whether and when to try again after `failures` failed attempts (1 after the first). */
  decide(error: unknown, failures: number): RetryDecision;
  onRetry?(error: unknown, decision: RetryDecision, failures: number): void;
  /** Stops a wait at once (a ConnectorError `aborted`). */
  signal?: AbortSignal;
  /** false: a wait does not keep the process alive (background deliveries). */
  ref?: boolean;
}

/**
 * The one retry loop of the hub (the HTTP kit's calls, the webhook's deliveries): calls
 * `attempt` (with the failures so far) until it succeeds or `decide` says stop, then
 * rethrows the last error.
 */
export async function withRetries<T>(attempt: (failures: number) => Promise<T>, loop: RetryLoop): Promise<T> {
  for (let failures = 0; ; ) {
    try {
      return await attempt(failures);
    } catch (error) {
      failures += 1;
      const decision = loop.decide(error, failures);
      if (!decision.retry) throw error;
      loop.onRetry?.(error, decision, failures);
      await abortableWait(decision.waitMs, loop.signal, 'cancelled while waiting to retry', loop.ref ?? true);
    }
  }
}

/** Capped exponential backoff with full jitter: uniform in [0, min(max, base·2^(attempt-1))). */
export function backoffMs(attempt: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const random = policy.random ?? Math.random;
  return Math.floor(random() * ceiling);
}

/** Seconds (`120`) or an HTTP-date; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

interface Verdict {
  retryable: boolean;
  reason: string;
  retryAfterMs?: number;
}

function classifyFailure(error: unknown, policy: RetryPolicy): Verdict {
  if (error instanceof ConfigurationError)
    return { retryable: false, reason: `configuration: ${error.code}` };
  if (error instanceof ConnectorError) {
    if (error.status !== undefined && error.status >= 400) {
      return statusVerdict(error.status, error.retryAfter, policy);
    }
    return { retryable: error.retryable, reason: error.code };
  }
  const axiosVerdict = isAxiosError(error) ? answeredVerdict(error, policy) : null;
  if (axiosVerdict) return axiosVerdict;
  if (error instanceof SyntaxError) return { retryable: true, reason: 'bad_body' };
  return networkVerdict(error);
}

/** An axios error that was cancelled or carries an answer; null for a network failure. */
function answeredVerdict(error: AxiosError, policy: RetryPolicy): Verdict | null {
  if (error.code === 'ERR_CANCELED') return { retryable: false, reason: 'canceled' };
  if (!error.response) return null;
  const header = error.response.headers?.['retry-after'];
  return statusVerdict(error.response.status, typeof header === 'string' ? header : undefined, policy);
}

/**
 * A network failure by its code, or its cause's (undici's `terminated` carries the socket's
 * error as its cause): Node gives every one a code, `socket hang up` and `aborted` included
 * (ECONNRESET), so no message is read.
 */
function networkVerdict(error: unknown): Verdict {
  const code = errorCode(error);
  const network = [code, errorCode((error as { cause?: unknown } | null)?.cause)].find(
    (c) => c !== undefined && NETWORK_CODES.has(c),
  );
  if (network !== undefined) return { retryable: true, reason: network };
  return { retryable: false, reason: code ?? (error instanceof Error ? error.name : 'unknown_error') };
}

function statusVerdict(status: number, retryAfter: string | undefined, policy: RetryPolicy): Verdict {
  const reason = `http_${status}`;
  if (!RETRYABLE_STATUSES.has(status)) return { retryable: false, reason };
  const now = (policy.now ?? Date.now)();
  const after = parseRetryAfter(retryAfter, now);
  if (after === null) return { retryable: true, reason };
  const cap = policy.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  return { retryable: true, reason: `${reason} retry-after`, retryAfterMs: Math.min(after, cap) };
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
