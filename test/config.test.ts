import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseDuration, redactUrl } from '../src/config';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.lines;
    throw e;
  }
  return [];
}

describe('configuration', () => {
  it('runs simulated with working defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      simulate: true,
      databaseUrl: null,
      embeddedPgPort: 54329,
      port: 4000,
      role: 'all',
      deleteGuardPercent: 20,
      sourceStaleAfterMs: 26 * 3_600_000,
    });
    expect(c.national.unitCode).toBe('H21');
    expect(c.schedules.national).toBeTruthy();
  });

  it('turns simulation off when an upstream is configured, and then wants every portal and a salt', () => {
    expect(problems({ NATIONAL_URL: 'https://csdl.example.vn' })).toEqual([
      "IGATE_URL is not set: expected the portal's base URL (or HUB_SIMULATE=1)",
      "PAKN_URL is not set: expected the portal's base URL (or HUB_SIMULATE=1)",
      'PII_SALT is not set: expected a long random secret (identity numbers are hashed with it)',
    ]);
  });

  it('reports every bad value on its own line, with what is expected, hiding secrets', () => {
    const lines = problems({
      DATABASE_URL: 'mysql://x',
      PORT: '70000',
      HUB_ROLE: 'boss',
      SYNC_SCHEDULE_IGATE: 'every minute',
      SOURCE_STALE_AFTER: 'soon',
      DELETE_GUARD_PERCENT: '150',
      NOTIFY_WEBHOOK_URL: 'https://hooks.example.vn/x',
      PII_SALT: 'short',
      HUB_SIMULATE: 'maybe',
    });
    expect(lines).toEqual([
      'HUB_SIMULATE="maybe": expected 1 or 0',
      'DATABASE_URL="mysql://x": expected a URL starting with postgres:// or postgresql://',
      'PORT="70000": expected a whole number from 0 to 65535',
      'HUB_ROLE="boss": expected one of all, api, worker',
      'SYNC_SCHEDULE_IGATE="every minute": expected a cron expression (node-cron syntax, seconds allowed) or off',
      'SOURCE_STALE_AFTER="soon": expected a duration such as 90s, 15m, 26h or 2d',
      'DELETE_GUARD_PERCENT="150": expected a number from 0 to 100',
      'NOTIFY_WEBHOOK_SECRET is not set: expected a secret to sign webhook calls with',
    ]);
  });

  it('keeps STATEMENT_TIMEOUT below REQUEST_TIMEOUT', () => {
    expect(loadConfig({}).security.limits.statementTimeoutMs).toBe(15_000);
    expect(loadConfig({ REQUEST_TIMEOUT: '4s' }).security.limits.statementTimeoutMs).toBe(2_000);
    expect(loadConfig({ STATEMENT_TIMEOUT: '250ms' }).security.limits.statementTimeoutMs).toBe(250);
    expect(problems({ STATEMENT_TIMEOUT: '30s' })).toEqual([
      'STATEMENT_TIMEOUT="30s": expected a duration below REQUEST_TIMEOUT (30000 ms)',
    ]);
    expect(problems({ STATEMENT_TIMEOUT: 'soon' })).toEqual([
      'STATEMENT_TIMEOUT="soon": expected a duration such as 90s, 15m, 26h or 2d',
    ]);
  });

  it('never prints a password from a URL', () => {
    const lines = problems({ DATABASE_URL: 'mysql://hub:s3cret@db/hub' });
    expect(lines.join('\n')).not.toContain('s3cret');
    expect(redactUrl('postgres://hub:s3cret@db:5432/hub')).toBe('postgres://hub:***@db:5432/hub');
  });

  it('keeps personal data unless PII_RETENTION_DAYS is a whole number of days', () => {
    expect(loadConfig({}).piiRetentionDays).toBeNull();
    expect(loadConfig({ PII_RETENTION_DAYS: '365' }).piiRetentionDays).toBe(365);
    expect(loadConfig({}).schedules.piiErase).toBe('0 45 3 * * *');
    expect(problems({ PII_RETENTION_DAYS: '0' })).toEqual([
      'PII_RETENTION_DAYS="0": expected a whole number from 1 to 36500',
    ]);
    expect(problems({ PII_RETENTION_DAYS: 'a year' })).toEqual([
      'PII_RETENTION_DAYS="a year": expected a whole number from 1 to 36500',
    ]);
  });

  it('reads durations and disables schedules with off', () => {
    expect(parseDuration('26h')).toBe(93_600_000);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('1.5m')).toBe(90_000);
    expect(parseDuration('later')).toBeNull();
    expect(loadConfig({ SYNC_SCHEDULE_PAKN: 'off' }).schedules.pakn).toBeNull();
  });

  it.each([
    ['250', 250],
    ['250ms', 250],
    [' 90 s ', 90_000],
    ['2d', 172_800_000],
    ['0.5s', 500],
    ['-5s', null],
    ['5 minutes', null],
    ['', null],
  ])('reads the duration %j as %s ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    [{ HUB_SIMULATE: 'YES' }, (c: ReturnType<typeof loadConfig>) => c.simulate, true],
    [{ HUB_ADMIN_KEY_PII: 'true' }, (c: ReturnType<typeof loadConfig>) => c.security.adminPii, true],
    [{ PORT: ' 8080 ' }, (c: ReturnType<typeof loadConfig>) => c.port, 8080],
    [{ DELETE_GUARD_PERCENT: '12.5' }, (c: ReturnType<typeof loadConfig>) => c.deleteGuardPercent, 12.5],
    [
      { NOTIFY_WEBHOOK_URL: 'https://hooks.example.vn/x//', NOTIFY_WEBHOOK_SECRET: 's' },
      (c: ReturnType<typeof loadConfig>) => c.notify.webhookUrl,
      'https://hooks.example.vn/x',
    ],
    [{ LOG_LEVEL: 'debug' }, (c: ReturnType<typeof loadConfig>) => c.logLevel, 'debug'],
    [{ SYNC_RUN_TIMEOUT: '' }, (c: ReturnType<typeof loadConfig>) => c.runAbandonedAfterMs, 120_000],
  ])('reads %j', (env, field, value) => {
    expect(field(loadConfig(env))).toBe(value);
  });

  it.each([
    [{ PORT: '80.5' }, 'PORT="80.5": expected a whole number from 0 to 65535'],
    [{ PORT: '-1' }, 'PORT="-1": expected a whole number from 0 to 65535'],
    [{ DELETE_GUARD_PERCENT: 'lots' }, 'DELETE_GUARD_PERCENT="lots": expected a number from 0 to 100'],
    [
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL="loud": expected one of fatal, error, warn, info, debug, trace, silent',
    ],
    [
      { DATABASE_URL: 'not a url' },
      'DATABASE_URL="not a url": expected a URL starting with postgres:// or postgresql://',
    ],
    [{ HUB_ADMIN_KEY_PII: 'y' }, 'HUB_ADMIN_KEY_PII=***: expected 1 or 0'],
    [
      { SHUTDOWN_TIMEOUT: '10 minutes' },
      'SHUTDOWN_TIMEOUT="10 minutes": expected a duration such as 90s, 15m, 26h or 2d',
    ],
  ])('refuses %j with one line naming it', (env, line) => {
    expect(problems(env)).toEqual([line]);
  });

  it("hides a secret variable's value in its problem line", () => {
    expect(
      problems({
        NATIONAL_URL: 'https://csdl.example.vn',
        IGATE_URL: 'https://igate.example.vn',
        PAKN_URL: 'https://pakn.example.vn',
        PII_SALT: 'short',
      }),
    ).toEqual(['PII_SALT=***: expected at least 16 characters']);
  });
});
