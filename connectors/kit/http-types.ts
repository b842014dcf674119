import type { RequestStats } from './types';

/** The part of a pino logger the kit uses. Never pass bodies, auth headers or secrets. */
export interface Logger {
  warn(obj: Record<string, unknown>, msg: string): void;
}

/** What a call sent for authentication, handed back to `refresh` so concurrent failures refresh once. */
export interface AuthMaterial {
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

export interface AuthHook {
  /** Headers for the next call (`Authorization: Bearer …`); may log in lazily. */
  headers(): Promise<Record<string, string>>;
  /** Fields merged into a JSON body, for RPC APIs that carry the session in the body (§1). */
  bodyFields?(): Promise<Record<string, unknown>>;
  isAuthError(error: unknown): boolean;
  /** Drop the credentials `used` by a failed call (if still current) and get fresh ones. */
  refresh(used?: AuthMaterial): Promise<void>;
}

export interface HttpClientOptions {
  baseURL: string;
  /** Whole-response deadline (headers and body); default 15 000 ms. */
  timeoutMs?: number;
  /** Retries after the first attempt; default 6. */
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  maxRetryAfterMs?: number;
  /** Requests in flight at once; default 10 (upstream-apis.md §1 "Rate limit"). */
  concurrency?: number;
  stats?: RequestStats;
  logger?: Logger;
  auth?: AuthHook;
  /**
   * Auth refreshes allowed per call (default 3, `DEFAULT_MAX_AUTH_REFRESHES`): a session
   * expiring again while many calls are in flight must not fail the run. Bad credentials
   * should fail the login itself, so refreshing cannot loop on them.
   */
  maxAuthRefreshes?: number;
  /** Headers sent on every call (e.g. `X-API-Key`); never logged. */
  headers?: Record<string, string>;
  /** Name used in log lines (`national`, `igate`, `pakn`). */
  name?: string;
  /** Injected for tests; uniform in [0, 1). */
  random?: () => number;
}

export interface HttpRequest {
  method?: 'GET' | 'POST';
  /** Path relative to baseURL. */
  url: string;
  params?: Record<string, string | number | undefined>;
  json?: Record<string, unknown>;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Throws a ConnectorError for envelope-level errors (HTTP 200 with an error code). */
  classify?: (data: unknown) => void;
  signal?: AbortSignal;
  /** The login call itself: no auth hook. */
  noAuth?: boolean;
}

export interface HttpClient {
  /** The parsed JSON body after retries, auth refresh and `classify`. */
  request(request: HttpRequest): Promise<unknown>;
  readonly stats: RequestStats;
  /** Closes the keep-alive sockets. */
  close(): void;
}
