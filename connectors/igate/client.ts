import { formatIgateDateTime } from '../../src/domain/time';
import { type Issued, SharedCredential } from '../kit/credential';
import { ConfigurationError, ConnectorError, UpstreamProtocolError } from '../kit/errors';
import {
  type AuthHook,
  type AuthMaterial,
  createHttpClient,
  type HttpClient,
  type Logger,
} from '../kit/http';
import type { RequestStats } from '../kit/types';
import { pageSchema, type RawPage, tokenSchema } from './records';

/** Settings of upstream-apis.md §2 (`IGATE_URL`, `IGATE_CLIENT_ID`, `IGATE_CLIENT_SECRET`) plus tuning. */
export interface IgateConfig {
  url: string;
  clientId: string;
  clientSecret: string;
  /** PII_SALT: identity numbers are kept only as a salted hash (domain.md "Personal data"). */
  piiSalt: string;
  timeoutMs?: number;
  concurrency?: number;
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** `size` of every page: at most 1000 (§2 "Paging"); default 500. */
  pageSize?: number;
  /** How far in the past a window must end, so rows committed late are not missed; default 2 000 ms. */
  windowLagMs?: number;
  /** Span of the first window of a walk; default 30 days. Windows then grow or shrink with their size. */
  windowSpanMs?: number;
  /** A window holding more rows than this is split before it is read; default 20 pages. */
  maxWindowRows?: number;
  /** Extra windows read after reaching the present, for rows changed during the walk; default 3. */
  catchUpRounds?: number;
  /** Where a full walk starts (ISO instant); default 2010-01-01 local. */
  since?: string;
}

export interface IgateQuery {
  page: number;
  size: number;
  from?: Date;
  to?: Date;
}

const TOKEN_PATH = '/auth/realms/digo/protocol/openid-connect/token';
/** Renew a token this long before the upstream says it expires. */
const TOKEN_MARGIN_MS = 30_000;
export const MAX_PAGE_SIZE = 1000;

/** REST client of iGate (upstream-apis.md §2): client-credentials token, Spring-style pages. */
export class IgateClient {
  readonly stats: RequestStats;
  private readonly http: HttpClient;
  private readonly token = new SharedCredential(() => this.fetchToken());

  constructor(
    private readonly config: IgateConfig,
    options: { stats?: RequestStats; logger?: Logger } = {},
  ) {
    this.http = createHttpClient({
      baseURL: config.url.replace(/\/+$/, ''),
      name: 'igate',
      auth: this.authHook(),
      // Refused credentials fail at the token call itself (401 there is a ConfigurationError), so
      // a few refreshes per call cannot loop; a token refused twice in a row must not sink a run.
      maxAuthRefreshes: 3,
      ...pick(config, ['timeoutMs', 'concurrency', 'maxRetries', 'baseDelayMs', 'maxDelayMs']),
      ...(options.stats ? { stats: options.stats } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
    this.stats = this.http.stats;
  }

  /** §2 "Agencies": `GET /ba/agency/search?page&size`. */
  agencies(query: IgateQuery, signal?: AbortSignal): Promise<RawPage> {
    return this.page('/ba/agency/search', query, {}, signal);
  }

  /** §2 "Procedures published by the province": `GET /bo/procedure/search`, oldest change first. */
  listings(query: IgateQuery, signal?: AbortSignal): Promise<RawPage> {
    return this.page('/bo/procedure/search', query, { sort: 'updatedDate,asc' }, signal);
  }

  /** §2 "Dossiers": `GET /pa/dossier/search?spec=page`, oldest change first, in an updated window. */
  dossiers(query: IgateQuery, signal?: AbortSignal): Promise<RawPage> {
    return this.page('/pa/dossier/search', query, { spec: 'page', sort: 'updatedDate,asc' }, signal);
  }

  close(): void {
    this.http.close();
  }

  private async page(
    url: string,
    query: IgateQuery,
    extra: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<RawPage> {
    // Values are URL-encoded by the HTTP client: `+0700` travels as `%2B0700` (§2 "Paging").
    const params: Record<string, string | number> = { page: query.page, size: query.size, ...extra };
    if (query.from) params['updated-from'] = formatIgateDateTime(query.from);
    if (query.to) params['updated-to'] = formatIgateDateTime(query.to);
    const data = await this.http.request({
      method: 'GET',
      url,
      params,
      classify: (body) => classifyPage(url, body),
      ...(signal ? { signal } : {}),
    });
    this.stats.pages += 1;
    return pageSchema.parse(data);
  }

  /** A 401 on a data call means the token expired: drop it, fetch a new one, repeat (§2 "Token"). */
  private authHook(): AuthHook {
    return {
      headers: async () => ({ authorization: `Bearer ${await this.token.get()}` }),
      isAuthError: (error) => error instanceof ConnectorError && error.status === 401,
      refresh: (used?: AuthMaterial) =>
        this.token.invalidate(used ? (used.headers.authorization ?? '').replace(/^Bearer /, '') : undefined),
    };
  }

  /** §2 "Token": client credentials. 401 (invalid_client) is a configuration error, never retried. */
  private async fetchToken(): Promise<Issued> {
    let data: unknown;
    try {
      data = await this.http.request({
        method: 'POST',
        url: TOKEN_PATH,
        form: {
          grant_type: 'client_credentials',
          client_id: this.config.clientId,
          client_secret: this.config.clientSecret,
        },
        noAuth: true,
        classify: classifyToken,
      });
    } catch (error) {
      const status = error instanceof ConnectorError ? error.status : undefined;
      if (status === 400 || status === 401 || status === 403) {
        throw new ConfigurationError(
          'igate_bad_credentials',
          'IGATE_CLIENT_ID/IGATE_CLIENT_SECRET',
          `iGate refused the client credentials (HTTP ${status})`,
          { cause: error, status },
        );
      }
      if (status === 404 || status === 405) {
        throw new ConfigurationError('igate_bad_url', 'IGATE_URL', 'No token service at this URL', {
          cause: error,
          status,
        });
      }
      throw error;
    }
    const parsed = tokenSchema.parse(data);
    const ttlMs = (parsed.expires_in ?? 300) * 1000;
    return {
      value: parsed.access_token,
      expiresAt: Date.now() + Math.max(ttlMs - TOKEN_MARGIN_MS, ttlMs / 2),
    };
  }
}

/** A 200 without a token (a gateway error page in JSON) is retried like a 5xx. */
function classifyToken(body: unknown): void {
  if (!tokenSchema.safeParse(body).success) {
    throw new ConnectorError('igate_bad_token', 'token response has no access_token', { retryable: true });
  }
}

/**
 * A 200 without a page: iGate's gateway reports some errors in the body
 * (`{"status": 500, "error": "…"}`). A server-side one is retried like a 5xx.
 */
function classifyPage(url: string, body: unknown): void {
  if (pageSchema.safeParse(body).success) return;
  const status = (body as { status?: unknown } | null)?.status;
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof status === 'number' || typeof error === 'string') {
    const code = typeof status === 'number' ? status : String(error);
    const retryable = typeof status !== 'number' || status >= 500;
    throw new UpstreamProtocolError('igate_error_body', code, `${url}: error ${code} in a 200 response`, {
      retryable,
    });
  }
  throw new ConnectorError('igate_bad_envelope', `${url}: response is not a page`, { retryable: true });
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
