/**
 * The environment, read once and validated. A bad value stops the start with one line per
 * problem (name, value, what is expected); secrets are never echoed.
 */
import cron from 'node-cron';
import { z } from 'zod';
import { HubError } from './domain/errors';

export type HubRole = 'all' | 'api' | 'worker';

export interface UpstreamTuning {
  timeoutMs: number;
  maxRetries: number;
  concurrency: number;
}

/** The graph's abuse limits (src/graph/limits). */
export interface GraphLimits {
  maxDepth: number;
  maxAliases: number;
  maxFields: number;
  maxCost: number;
  /** Operations in one HTTP batch. */
  maxBatch: number;
  maxBodyBytes: number;
  /** Lexer tokens in one document (graphql-js stops parsing past it). */
  maxTokens: number;
  /** PostgreSQL statement_timeout for the graph's statements, in ms. */
  statementTimeoutMs: number;
}

export interface OidcConfig {
  issuer: string;
  jwksUrl: string;
  audience: string | null;
  /** Claim holding the hub role (a string or a list: the highest hub role in it wins). */
  roleClaim: string;
  /** Claim holding the agency code the token is limited to, when present. */
  agencyClaim: string;
  /** Claim that, when true (or listing `pii`), grants personal data. */
  piiClaim: string;
  /**
   * The console's public client at the issuer (authorization code with PKCE); null: the
   * console offers no issuer sign-in, tokens are still accepted from other clients.
   */
  clientId: string | null;
}

export interface SecurityConfig {
  /** HUB_ADMIN_KEY_PII=1: the bootstrap key sees personal data (no key does by default). */
  adminPii: boolean;
  /** Cost units a minute for stored keys made without --rate. */
  defaultRatePerMinute: number;
  limits: GraphLimits;
  oidc: OidcConfig | null;
  /** A loopback-only listener for /metrics without a key; null for none. */
  metricsPort: number | null;
}

export interface HubConfig {
  databaseUrl: string | null;
  databaseReadUrl: string | null;
  /** How long one connection attempt to the database may take before the start fails. */
  databaseConnectTimeoutMs: number;
  /** SIGINT/SIGTERM to exit, at most; work still running then is cut off. */
  shutdownTimeoutMs: number;
  /** A graph request running longer is cancelled, its SQL too. */
  requestTimeoutMs: number;
  embeddedPgPort: number;
  dataDir: string;
  port: number;
  host: string;
  role: HubRole;
  adminKey: string | null;
  simulate: boolean;
  national: { url: string | null; username: string; password: string; unitCode: string };
  igate: { url: string | null; clientId: string; clientSecret: string };
  pakn: { url: string | null; apiKey: string };
  upstream: UpstreamTuning;
  schedules: {
    national: string | null;
    igate: string | null;
    pakn: string | null;
    checks: string | null;
    /** When closed items past PII_RETENTION_DAYS are erased (only with a retention set). */
    piiErase: string | null;
  };
  security: SecurityConfig;
  sourceStaleAfterMs: number;
  runAbandonedAfterMs: number;
  deleteGuardPercent: number;
  piiSalt: string;
  /** PII_RETENTION_DAYS: days a closed dossier or feedback item keeps its personal data; null: kept. */
  piiRetentionDays: number | null;
  logLevel: string;
  holidaysDir: string | null;
  /** A JSON file whose task and indicator entries replace the bundled plan-indicator mapping's. */
  planIndicatorsFile: string | null;
  notify: { webhookUrl: string | null; webhookSecret: string | null };
  sim: {
    seed: number;
    procedures: number;
    dossiers: number;
    feedbacks: number;
    faultRate: number;
    faults: string | null;
  };
}

/** Thrown with every problem found; `lines` are ready to print, one per bad value. */
/** Every problem of the environment at once; the CLI prints the message and exits 2. */
export class ConfigError extends HubError {
  constructor(readonly lines: string[]) {
    super('config_invalid', `invalid configuration:\n${lines.map((l) => `  ${l}`).join('\n')}`, {
      exitCode: 2,
    });
  }
}

const SECRET = /PASSWORD|SECRET|KEY|SALT/;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

type Env = Record<string, string | undefined>;

/**
 * What each kind of variable accepts, as zod schemas over the trimmed text; `expected`
 * is the problem line's "what to fix" (zod's own messages name no variable).
 */
export const envSchemas = {
  wholeNumber: (min: number, max: number) =>
    z
      .string()
      .regex(/^-?\d+$/)
      .transform(Number)
      .pipe(z.number().min(min).max(max)),
  number: (min: number, max: number) => z.coerce.number().finite().min(min).max(max),
  oneOf: <T extends string>(allowed: readonly [T, ...T[]]) => z.enum(allowed),
  flag: z
    .string()
    .toLowerCase()
    .pipe(z.enum(['1', 'true', 'yes', '0', 'false', 'no']))
    .transform((v) => ['1', 'true', 'yes'].includes(v)),
  url: (protocols: string[]) =>
    z
      .string()
      .refine((v) => URL.canParse(v) && protocols.includes(new URL(v).protocol))
      .transform((v) => v.replace(/\/+$/, '')),
  /** A cron expression (`off` is read before it). */
  cron: z.string().refine((v) => cron.validate(v)),
  /** `90s`, `15m`, `26h`, `2d`, `1.5m`, or plain milliseconds. */
  duration: z
    .string()
    .trim()
    .regex(/^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/)
    .transform((text) => {
      const [, amount, unit] = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(text) as RegExpExecArray;
      return Math.round(Number(amount) * DURATION_UNITS[(unit ?? 'ms') as keyof typeof DURATION_UNITS]);
    }),
};

const DURATION_UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Reads variables through their schemas, collecting one problem line per refused value. */
class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    const v = this.env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  }

  private bad(name: string, value: string, expected: string): void {
    const shown = SECRET.test(name) ? '***' : JSON.stringify(value);
    this.problems.push(`${name}=${shown}: expected ${expected}`);
  }

  /** `name` through `schema`; `fallback` when unset, or (with a problem line) when refused. */
  private read<T>(
    name: string,
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
    fallback: T,
    expected: string,
  ): T {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    const parsed = schema.safeParse(v);
    if (parsed.success) return parsed.data;
    this.bad(name, v, expected);
    return fallback;
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  optional(name: string): string | null {
    return this.raw(name) ?? null;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    return this.read(
      name,
      envSchemas.wholeNumber(min, max),
      fallback,
      `a whole number from ${min} to ${max}`,
    );
  }

  number(name: string, fallback: number, min: number, max: number): number {
    return this.read(name, envSchemas.number(min, max), fallback, `a number from ${min} to ${max}`);
  }

  oneOf<T extends string>(name: string, fallback: T, allowed: readonly [T, ...T[]]): T {
    return this.read(name, envSchemas.oneOf(allowed), fallback, `one of ${allowed.join(', ')}`);
  }

  flag(name: string, fallback: boolean): boolean {
    return this.read(name, envSchemas.flag, fallback, '1 or 0');
  }

  url(name: string, protocols: string[]): string | null {
    const v = this.raw(name);
    if (v === undefined) return null;
    const parsed = envSchemas.url(protocols).safeParse(v);
    if (parsed.success) return parsed.data;
    // The value shown without its password.
    this.bad(name, redactUrl(v), `a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);
    return null;
  }

  /** A cron expression, or `off`. */
  schedule(name: string, fallback: string): string | null {
    const v = this.raw(name) ?? fallback;
    if (v.toLowerCase() === 'off') return null;
    if (envSchemas.cron.safeParse(v).success) return v;
    this.bad(name, v, 'a cron expression (node-cron syntax, seconds allowed) or off');
    return null;
  }

  /** `90s`, `15m`, `26h`, `2d`, or plain milliseconds. */
  duration(name: string, fallback: string): number {
    return this.read(
      name,
      envSchemas.duration,
      parseDuration(fallback) ?? 0,
      'a duration such as 90s, 15m, 26h or 2d',
    );
  }
}

export function parseDuration(text: string): number | null {
  const parsed = envSchemas.duration.safeParse(text);
  return parsed.success ? parsed.data : null;
}

/** A URL with its password replaced, safe to print. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

function readSecurity(r: Reader): SecurityConfig {
  const issuer = r.url('OIDC_ISSUER', ['http:', 'https:']);
  const jwksUrl = r.url('OIDC_JWKS_URL', ['http:', 'https:']);
  const metricsPort = r.int('METRICS_PORT', 0, 0, 65535);
  return {
    adminPii: r.flag('HUB_ADMIN_KEY_PII', false),
    defaultRatePerMinute: r.int('HUB_KEY_RATE_PER_MINUTE', 100_000, 1, 1_000_000_000),
    limits: {
      maxDepth: r.int('GRAPH_MAX_DEPTH', 15, 2, 100),
      maxAliases: r.int('GRAPH_MAX_ALIASES', 50, 0, 10_000),
      maxFields: r.int('GRAPH_MAX_FIELDS', 1000, 10, 100_000),
      maxCost: r.int('GRAPH_MAX_COST', 25_000, 10, 100_000_000),
      maxBatch: r.int('GRAPH_MAX_BATCH', 10, 1, 1000),
      maxBodyBytes: r.int('GRAPH_MAX_BODY_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
      maxTokens: r.int('GRAPH_MAX_TOKENS', 20_000, 100, 1_000_000),
      // Settled against REQUEST_TIMEOUT in loadConfig.
      statementTimeoutMs: r.raw('STATEMENT_TIMEOUT') ? r.duration('STATEMENT_TIMEOUT', '15s') : 0,
    },
    oidc: issuer
      ? {
          issuer,
          jwksUrl: jwksUrl ?? `${issuer}/protocol/openid-connect/certs`,
          audience: r.optional('OIDC_AUDIENCE'),
          roleClaim: r.string('OIDC_ROLE_CLAIM', 'hub_role'),
          agencyClaim: r.string('OIDC_AGENCY_CLAIM', 'hub_agency'),
          piiClaim: r.string('OIDC_PII_CLAIM', 'hub_pii'),
          clientId: r.optional('OIDC_CLIENT_ID'),
        }
      : null,
    metricsPort: metricsPort === 0 ? null : metricsPort,
  };
}

/**
 * A graph statement must end before its request does, so its own coded error (not the
 * request's timeout) names what was slow: STATEMENT_TIMEOUT below REQUEST_TIMEOUT; when
 * unset, 15 s or half the request's budget, whichever is shorter.
 */
function settleStatementTimeout(r: Reader, config: HubConfig): void {
  const limits = config.security.limits;
  const request = config.requestTimeoutMs;
  if (!limits.statementTimeoutMs) {
    limits.statementTimeoutMs = Math.max(1, Math.min(DEFAULT_STATEMENT_TIMEOUT_MS, Math.floor(request / 2)));
  } else if (limits.statementTimeoutMs >= request) {
    r.problems.push(
      `STATEMENT_TIMEOUT=${JSON.stringify(r.raw('STATEMENT_TIMEOUT'))}: expected a duration below REQUEST_TIMEOUT (${request} ms)`,
    );
  } else if (limits.statementTimeoutMs < 1) {
    r.problems.push(
      `STATEMENT_TIMEOUT=${JSON.stringify(r.raw('STATEMENT_TIMEOUT'))}: expected at least 1 ms`,
    );
  }
}

const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;

/** Each portal's URL and credentials; simulated portals get the simulators' own. */
function readPortals(
  r: Reader,
  simulate: boolean,
  urls: { national: string | null; igate: string | null; pakn: string | null },
): Pick<HubConfig, 'national' | 'igate' | 'pakn'> {
  const simulated = (value: string) => (simulate ? value : '');
  return {
    national: {
      url: urls.national,
      username: r.string('NATIONAL_USERNAME', simulated('hub')),
      password: r.string('NATIONAL_PASSWORD', simulated('hub-secret')),
      unitCode: r.string('NATIONAL_UNIT_CODE', 'H21'),
    },
    igate: {
      url: urls.igate,
      clientId: r.string('IGATE_CLIENT_ID', simulated('tthc-hub')),
      clientSecret: r.string('IGATE_CLIENT_SECRET', simulated('hub-secret')),
    },
    pakn: { url: urls.pakn, apiKey: r.string('PAKN_API_KEY', simulated('hub-secret')) },
  };
}

/** What a real deployment must set (portals and salt), and the webhook's secret; fills the simulated salt. */
function requireSettings(r: Reader, config: HubConfig): void {
  const { simulate } = config;
  if (!simulate) {
    for (const [name, value] of [
      ['NATIONAL_URL', config.national.url],
      ['IGATE_URL', config.igate.url],
      ['PAKN_URL', config.pakn.url],
    ] as const) {
      if (!value && !r.problems.some((p) => p.startsWith(name))) {
        r.problems.push(`${name} is not set: expected the portal's base URL (or HUB_SIMULATE=1)`);
      }
    }
    if (!config.piiSalt)
      r.problems.push(
        'PII_SALT is not set: expected a long random secret (identity numbers are hashed with it)',
      );
  }
  if (!config.piiSalt) config.piiSalt = 'tthc-hub-simulated-salt';
  if (config.piiSalt.length < 16 && !simulate)
    r.problems.push('PII_SALT=***: expected at least 16 characters');
  if (config.notify.webhookUrl && !config.notify.webhookSecret) {
    r.problems.push('NOTIFY_WEBHOOK_SECRET is not set: expected a secret to sign webhook calls with');
  }
}

export function loadConfig(env: Env = process.env): HubConfig {
  const r = new Reader(env);
  const national = r.url('NATIONAL_URL', ['http:', 'https:']);
  const igate = r.url('IGATE_URL', ['http:', 'https:']);
  const pakn = r.url('PAKN_URL', ['http:', 'https:']);
  const anyUpstream = Boolean(r.raw('NATIONAL_URL') || r.raw('IGATE_URL') || r.raw('PAKN_URL'));
  const simulate = r.flag('HUB_SIMULATE', !anyUpstream);

  const config: HubConfig = {
    databaseUrl: r.url('DATABASE_URL', ['postgres:', 'postgresql:']),
    databaseReadUrl: r.url('DATABASE_READ_URL', ['postgres:', 'postgresql:']),
    databaseConnectTimeoutMs: r.duration('DATABASE_CONNECT_TIMEOUT', '10s'),
    shutdownTimeoutMs: r.duration('SHUTDOWN_TIMEOUT', '10s'),
    requestTimeoutMs: r.duration('REQUEST_TIMEOUT', '30s'),
    embeddedPgPort: r.int('EMBEDDED_PG_PORT', 54329, 1, 65535),
    dataDir: r.string('HUB_DATA_DIR', '.data'),
    port: r.int('PORT', 4000, 0, 65535),
    // Simulated mode is a demo on someone's machine: reachable from that machine only.
    host: r.string('HOST', simulate ? '127.0.0.1' : '0.0.0.0'),
    role: r.oneOf('HUB_ROLE', 'all', ['all', 'api', 'worker'] as const),
    adminKey: r.optional('HUB_ADMIN_KEY'),
    simulate,
    ...readPortals(r, simulate, { national, igate, pakn }),
    upstream: {
      timeoutMs: r.int('UPSTREAM_TIMEOUT_MS', 15_000, 100, 600_000),
      maxRetries: r.int('UPSTREAM_MAX_RETRIES', 6, 0, 50),
      concurrency: r.int('UPSTREAM_CONCURRENCY', 8, 1, 10),
    },
    schedules: {
      national: r.schedule('SYNC_SCHEDULE_NATIONAL', '0 15 */6 * * *'),
      igate: r.schedule('SYNC_SCHEDULE_IGATE', '0 */10 * * * *'),
      pakn: r.schedule('SYNC_SCHEDULE_PAKN', '0 5-59/15 * * * *'),
      checks: r.schedule('CHECK_SCHEDULE', '0 30 2 * * *'),
      piiErase: r.schedule('PII_ERASE_SCHEDULE', '0 45 3 * * *'),
    },
    security: readSecurity(r),
    sourceStaleAfterMs: r.duration('SOURCE_STALE_AFTER', '26h'),
    runAbandonedAfterMs: r.duration('SYNC_RUN_TIMEOUT', '2m'),
    deleteGuardPercent: r.number('DELETE_GUARD_PERCENT', 20, 0, 100),
    piiSalt: r.string('PII_SALT', ''),
    piiRetentionDays:
      r.raw('PII_RETENTION_DAYS') === undefined ? null : r.int('PII_RETENTION_DAYS', 0, 1, 36_500),
    logLevel: r.oneOf('LOG_LEVEL', 'info', LOG_LEVELS),
    holidaysDir: r.optional('HOLIDAYS_DIR'),
    planIndicatorsFile: r.optional('PLAN_INDICATORS_FILE'),
    notify: {
      webhookUrl: r.url('NOTIFY_WEBHOOK_URL', ['http:', 'https:']),
      webhookSecret: r.optional('NOTIFY_WEBHOOK_SECRET'),
    },
    sim: {
      seed: r.int('SIM_SEED', 2020, 0, 2 ** 31 - 1),
      procedures: r.int('SIM_PROCEDURES', 2000, 10, 100_000),
      dossiers: r.int('SIM_DOSSIERS', 20_000, 0, 50_000_000),
      feedbacks: r.int('SIM_FEEDBACKS', 2_000, 0, 5_000_000),
      faultRate: r.number('SIM_FAULT_RATE', 0, 0, 1),
      faults: r.optional('SIM_FAULTS'),
    },
  };

  requireSettings(r, config);
  settleStatementTimeout(r, config);
  if (r.problems.length) throw new ConfigError(r.problems);
  return config;
}
