import http from 'node:http';
import https from 'node:https';
import axios from 'axios';
import { ConnectorError } from './errors';
import { sendOnce } from './http-attempt';
import type { AuthMaterial, HttpClient, HttpClientOptions, HttpRequest } from './http-types';
import { Limiter } from './limiter';
import { decideRetry, type RetryDecision, type RetryPolicy, withRetries } from './retry';
import { newRequestStats } from './types';

export type {
  AuthHook,
  AuthMaterial,
  HttpClient,
  HttpClientOptions,
  HttpRequest,
  Logger,
} from './http-types';

/**
 * Auth refreshes per call. A refusal right after a fresh token is most often another expiry
 * or rotation while many calls were in flight, not bad credentials: those fail the login
 * itself (a ConfigurationError in every connector), and a token the data API keeps refusing
 * costs only a few immediate logins before the call fails. With 1, one such race failed a
 * whole run; national and iGate both had to ask for 3.
 */
export const DEFAULT_MAX_AUTH_REFRESHES = 3;

export const HTTP_DEFAULTS = {
  timeoutMs: 15_000,
  maxRetries: 6,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  concurrency: 10,
} as const;

const NO_AUTH: AuthMaterial = { headers: {}, body: {} };
const FINAL: RetryDecision = { retry: false, reason: 'final', waitMs: 0 };

/**
 * An upstream HTTP client: keep-alive sockets, a whole-response timeout, retry with
 * capped jittered backoff and Retry-After (getting the auth material included), a few
 * auth refreshes per call, a cap on requests in flight, and counters for the sync ledger.
 * Faults: upstream-apis.md "Faults every connector must survive".
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const timeoutMs = options.timeoutMs ?? HTTP_DEFAULTS.timeoutMs;
  const concurrency = options.concurrency ?? HTTP_DEFAULTS.concurrency;
  const policy: RetryPolicy = {
    maxRetries: options.maxRetries ?? HTTP_DEFAULTS.maxRetries,
    baseDelayMs: options.baseDelayMs ?? HTTP_DEFAULTS.baseDelayMs,
    maxDelayMs: options.maxDelayMs ?? HTTP_DEFAULTS.maxDelayMs,
    ...(options.maxRetryAfterMs !== undefined ? { maxRetryAfterMs: options.maxRetryAfterMs } : {}),
    ...(options.random ? { random: options.random } : {}),
  };
  const stats = options.stats ?? newRequestStats();
  const limiter = new Limiter(concurrency);
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: concurrency });
  const instance = axios.create({
    baseURL: options.baseURL,
    headers: { accept: 'application/json', ...options.headers },
    httpAgent,
    httpsAgent,
    maxRedirects: 0,
    responseType: 'text',
    // We parse ourselves, so a truncated body becomes a retryable `bad_body`.
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
  });
  const { auth, logger } = options;
  const maxAuthRefreshes = options.maxAuthRefreshes ?? DEFAULT_MAX_AUTH_REFRESHES;
  /** Errors this client's own loop already decided on (retried to the end, or not retryable). */
  const decided = new WeakSet<object>();

  async function authMaterial(request: HttpRequest): Promise<AuthMaterial> {
    if (!auth || request.noAuth) return NO_AUTH;
    const headers = await auth.headers();
    const body = request.json && auth.bodyFields ? await auth.bodyFields() : {};
    return { headers, body };
  }

  async function attempt(request: HttpRequest, used: AuthMaterial): Promise<unknown> {
    // Auth material is resolved before taking a slot: a lazy login needs a slot of its own.
    return limiter.run(async () => {
      stats.requests += 1;
      try {
        return await sendOnce(instance, request, used, timeoutMs);
      } catch (error) {
        if (error instanceof ConnectorError && error.status === 429) stats.throttled += 1;
        throw error;
      }
    });
  }

  function logRetry(request: HttpRequest, fields: Record<string, unknown>, error: unknown): void {
    logger?.warn(
      {
        event: 'upstream_retry',
        upstream: options.name,
        method: request.method ?? (request.json || request.form ? 'POST' : 'GET'),
        path: request.url,
        ...fields,
        code: error instanceof ConnectorError ? error.code : undefined,
        status: error instanceof ConnectorError ? error.status : undefined,
        error: error instanceof Error ? error.message : String(error),
      },
      'retrying upstream request',
    );
  }

  /** Retry or not; an error the loop gives up on is marked, so an outer loop does not retry it again. */
  function decide(request: HttpRequest, error: unknown, failures: number): RetryDecision {
    // Getting credentials is part of the call: a token answer that does not parse or a
    // token endpoint answering 503 is retried like the call. Not an error the hook's own
    // request through this client already retried to the end: one budget, not its square.
    if (request.signal?.aborted || decided.has(error as object)) return FINAL;
    const decision = decideRetry(error, failures, policy);
    if (!decision.retry && typeof error === 'object' && error !== null) decided.add(error);
    return decision;
  }

  /** One try: the auth material, then the call, with a few immediate refreshes when it is refused. */
  async function authorisedAttempt(request: HttpRequest, failures: number, refreshes: { used: number }) {
    for (;;) {
      const used = await authMaterial(request);
      try {
        return await attempt(request, used);
      } catch (error) {
        if (request.signal?.aborted || !auth || request.noAuth || !auth.isAuthError(error)) throw error;
        if (refreshes.used >= maxAuthRefreshes) {
          throw new ConnectorError(
            'auth_rejected_after_refresh',
            `${request.url}: credentials refused after refresh`,
            {
              cause: error,
            },
          );
        }
        refreshes.used += 1;
        stats.retries += 1;
        logRetry(request, { attempt: failures + 1, reason: 'auth_expired', waitMs: 0 }, error);
        await auth.refresh(used);
      }
    }
  }

  async function request(request: HttpRequest): Promise<unknown> {
    const refreshes = { used: 0 };
    return withRetries((failures) => authorisedAttempt(request, failures, refreshes), {
      decide: (error, failures) => decide(request, error, failures),
      onRetry: (error, decision, failures) => {
        stats.retries += 1;
        logRetry(request, { attempt: failures, reason: decision.reason, waitMs: decision.waitMs }, error);
      },
      signal: request.signal,
    });
  }

  return {
    request,
    stats,
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
