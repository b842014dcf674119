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
import { badEnvelope, classifyEnvelope, classifySession, NOT_FOUND, SESSION_EXPIRED } from './envelope';
import { envelopeSchema, procedureListSchema, sessionSchema, singleResult } from './records';

/** Settings of upstream-apis.md §1 (`NATIONAL_URL`, `NATIONAL_USERNAME`, …). */
export interface NationalConfig {
  url: string;
  username: string;
  password: string;
  /** The province's `madonvi`, e.g. `H21`. */
  unitCode: string;
  timeoutMs?: number;
  concurrency?: number;
  maxRetries?: number;
  /** Backoff tuning; tests use a few ms. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** `sobanghi` of LayDanhSachTTHC: 500 (the upstream's maximum) unless a test wants small pages. */
  listPageSize?: number;
}

export interface NationalClientOptions {
  stats?: RequestStats;
  logger?: Logger;
}

export interface ProcedureListPage {
  /** Raw list items, validated one by one by the caller. */
  items: unknown[];
  total: number;
}

/** Renew a session this long before the upstream says it expires. */
const SESSION_MARGIN_MS = 60_000;

/** RPC client of the national procedure database (upstream-apis.md §1). */
export class NationalClient {
  readonly stats: RequestStats;
  private readonly http: HttpClient;
  private readonly session = new SharedCredential(() => this.login());
  private readonly decisions = new Map<string, Promise<unknown | null>>();

  constructor(
    private readonly config: NationalConfig,
    options: NationalClientOptions = {},
  ) {
    this.http = createHttpClient({
      baseURL: config.url.replace(/\/+$/, ''),
      name: 'national',
      auth: this.authHook(),
      // Wrong credentials fail the login itself (-1), so refreshing again cannot loop on them; a
      // -401 after a fresh login only means another expiry hit while many calls were in flight.
      maxAuthRefreshes: Math.max(3, config.maxRetries ?? 6),
      ...pick(config, ['timeoutMs', 'concurrency', 'maxRetries', 'baseDelayMs', 'maxDelayMs']),
      ...(options.stats ? { stats: options.stats } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
    this.stats = this.http.stats;
  }

  /** §1 `LayDanhSachTTHC`: one page (1-based) of the province's procedures, optionally updated since `since`. */
  async listProcedures(
    args: { page: number; pageSize: number; since?: string | null },
    signal?: AbortSignal,
  ): Promise<ProcedureListPage> {
    const params: Record<string, unknown> = { trang: args.page, sobanghi: args.pageSize };
    if (args.since) params.tungay = args.since;
    const data = await this.call('LayDanhSachTTHC', params, signal);
    const parsed = procedureListSchema.safeParse(data);
    if (!parsed.success) throw badEnvelope('LayDanhSachTTHC', parsed.error);
    return { items: parsed.data.result, total: parsed.data.tongso };
  }

  /** §1 `LayThuTuc`: the raw full record, or null when the procedure is gone (-2). */
  async getProcedure(code: string, signal?: AbortSignal): Promise<unknown | null> {
    return this.getOne('LayThuTuc', { maTTHC: code }, signal);
  }

  /** §1 `LayDanhMucCoQuan`: the province's agencies, raw. */
  async listAgencies(signal?: AbortSignal): Promise<unknown[]> {
    return this.getList('LayDanhMucCoQuan', signal);
  }

  /** §1 `LayDanhMucLinhVuc`: the sectors, raw. */
  async listSectors(signal?: AbortSignal): Promise<unknown[]> {
    return this.getList('LayDanhMucLinhVuc', signal);
  }

  /** §1 `LayQDCB`: a publication decision, raw, or null when unknown. Cached per client. */
  getDecision(id: string, signal?: AbortSignal): Promise<unknown | null> {
    let cached = this.decisions.get(id);
    if (!cached) {
      cached = this.getOne('LayQDCB', { idQDCB: id }, signal);
      // A failure is not remembered: the next procedure naming this decision asks again.
      cached.catch(() => this.decisions.delete(id));
      this.decisions.set(id, cached);
    }
    return cached;
  }

  close(): void {
    this.http.close();
  }

  private async getOne(
    service: string,
    params: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<unknown> {
    try {
      return singleResult((await this.call(service, params, signal)).result);
    } catch (error) {
      if (error instanceof UpstreamProtocolError && error.upstreamCode === NOT_FOUND) return null;
      throw error;
    }
  }

  private async getList(service: string, signal?: AbortSignal): Promise<unknown[]> {
    const { result } = await this.call(service, {}, signal);
    if (!Array.isArray(result)) {
      throw new ConnectorError('national_bad_envelope', `${service}: result is not a list`);
    }
    return result;
  }

  /** §1 "Services": POST /api/service with the session, unit code and service name in the body. */
  private async call(service: string, params: Record<string, unknown>, signal?: AbortSignal) {
    const data = await this.http.request({
      method: 'POST',
      url: '/api/service',
      json: { madonvi: this.config.unitCode, service, ...params },
      classify: (body) => classifyEnvelope(service, body),
      ...(signal ? { signal } : {}),
    });
    return envelopeSchema.parse(data);
  }

  /** The session travels in the body; -401 drops it and the kit repeats the call once. */
  private authHook(): AuthHook {
    return {
      headers: async () => ({}),
      bodyFields: async () => ({ session: await this.session.get() }),
      isAuthError: (error) =>
        error instanceof UpstreamProtocolError && error.upstreamCode === SESSION_EXPIRED,
      refresh: (used?: AuthMaterial) => this.session.invalidate(used?.body.session as string | undefined),
    };
  }

  /** §1 "Session": POST /api/session. -1 is a configuration error, never retried. */
  private async login(): Promise<Issued> {
    let data: unknown;
    try {
      data = await this.http.request({
        method: 'POST',
        url: '/api/session',
        json: { username: this.config.username, password: this.config.password },
        noAuth: true,
        classify: classifySession,
      });
    } catch (error) {
      if (error instanceof ConnectorError && (error.status === 404 || error.status === 405)) {
        throw new ConfigurationError('national_bad_url', 'NATIONAL_URL', 'No session service at this URL', {
          cause: error,
        });
      }
      throw error;
    }
    const session = sessionSchema.parse(data);
    const ttlMs = (session.expires_in ?? 1800) * 1000;
    return {
      value: session.session as string,
      expiresAt: Date.now() + Math.max(ttlMs - SESSION_MARGIN_MS, ttlMs / 2),
    };
  }
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
