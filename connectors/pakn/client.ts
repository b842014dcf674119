import type { LocalDate } from '../../src/domain/model';
import { formatPaknDate } from '../../src/domain/time';
import { ConfigurationError, ConnectorError, UpstreamProtocolError } from '../kit/errors';
import { createHttpClient, type HttpClient, type Logger } from '../kit/http';
import type { RequestStats } from '../kit/types';
import { firstIssue } from '../kit/zod-issues';
import { envelopeSchema } from './records';

/** Settings of upstream-apis.md §3 (`PAKN_URL`, `PAKN_API_KEY`) plus tuning. */
export interface PaknClientConfig {
  url: string;
  apiKey: string;
  timeoutMs?: number;
  concurrency?: number;
  maxRetries?: number;
  /** Backoff tuning; tests use a few ms. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export interface FeedbackListPage {
  /** Raw items, validated one by one by the caller. */
  items: unknown[];
  /** `tongSoBanGhi`: rows in the whole window, as the portal counts them at this moment. */
  total: number | null;
}

/** §3 `maLoi`: "00" success, "99" internal (retry), "01" bad parameter. */
const OK = '00';
const INTERNAL = '99';
const BAD_PARAMETER = '01';
/** §3: `soBanGhi` at most 200. */
export const MAX_PAGE_SIZE = 200;

/** REST client of the complaint and feedback portal (upstream-apis.md §3). */
export class PaknClient {
  readonly stats: RequestStats;
  private readonly http: HttpClient;

  constructor(config: PaknClientConfig, options: { stats?: RequestStats; logger?: Logger } = {}) {
    this.http = createHttpClient({
      baseURL: config.url.replace(/\/+$/, ''),
      name: 'pakn',
      // §3: the key travels as a header on every call; the kit never logs headers.
      headers: { 'X-API-Key': config.apiKey },
      ...pick(config, ['timeoutMs', 'concurrency', 'maxRetries', 'baseDelayMs', 'maxDelayMs']),
      ...(options.stats ? { stats: options.stats } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
    this.stats = this.http.stats;
  }

  /**
   * §3 `GET /api/v1/pakn`: one page (1-based) of the feedback whose `ngayCapNhat` falls
   * on the local days `from`–`to`, both inclusive.
   */
  async listFeedback(
    args: { from: LocalDate; to: LocalDate; page: number; pageSize: number },
    signal?: AbortSignal,
  ): Promise<FeedbackListPage> {
    let data: unknown;
    try {
      data = await this.http.request({
        url: '/api/v1/pakn',
        params: {
          tuNgay: formatPaknDate(args.from),
          denNgay: formatPaknDate(args.to),
          trang: args.page,
          soBanGhi: Math.min(args.pageSize, MAX_PAGE_SIZE),
        },
        classify: classifyEnvelope,
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      throw asConfigurationError(error) ?? error;
    }
    const envelope = envelopeSchema.parse(data);
    return { items: envelope.duLieu ?? [], total: envelope.tongSoBanGhi ?? null };
  }

  close(): void {
    this.http.close();
  }
}

/** A refused key or a URL with no PAKN service is a setting to fix, never retried. */
function asConfigurationError(error: unknown): ConfigurationError | null {
  if (!(error instanceof ConnectorError)) return null;
  if (error.status === 401 || error.status === 403) {
    return new ConfigurationError('pakn_bad_api_key', 'PAKN_API_KEY', 'The PAKN portal refused the API key', {
      cause: error,
      status: error.status,
    });
  }
  if (error.status === 404 || error.status === 405) {
    return new ConfigurationError('pakn_bad_url', 'PAKN_URL', 'No PAKN feedback service at this URL', {
      cause: error,
      status: error.status,
    });
  }
  return null;
}

/** HTTP 200 with `maLoi` other than "00" (§3). */
function classifyEnvelope(body: unknown): void {
  const parsed = envelopeSchema.safeParse(body);
  if (!parsed.success) {
    const { field, reason } = firstIssue(parsed.error);
    throw new ConnectorError(
      'pakn_bad_envelope',
      `pakn list: unexpected response shape at ${field}: ${reason}`,
    );
  }
  const { maLoi: code, moTa } = parsed.data;
  if (code === OK) {
    if (!Array.isArray(parsed.data.duLieu)) {
      throw new ConnectorError('pakn_bad_envelope', 'pakn list: duLieu is not a list');
    }
    return;
  }
  const text = `pakn list: maLoi ${code} ${moTa ?? ''}`.trim();
  if (code === INTERNAL)
    throw new UpstreamProtocolError('pakn_internal_error', code, text, { retryable: true });
  if (code === BAD_PARAMETER) throw new UpstreamProtocolError('pakn_bad_parameter', code, text);
  throw new UpstreamProtocolError('pakn_service_error', code, text);
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
