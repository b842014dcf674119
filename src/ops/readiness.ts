/**
 * /readyz: whether this replica can do its work. The database answers, every migration
 * this code knows is applied (a replica of a newer release, started before its migrations
 * ran, is not ready), and on a worker the schedules are running. /healthz, by contrast,
 * only says the process answers.
 */
import type { Orm } from '../db/orm';

/** A check answers null when all is well, or what is wrong (no secrets, no SQL). */
export type ReadinessCheck = () => Promise<string | null> | string | null;

export interface Readiness {
  /** 200 when every check passed, 503 otherwise; `checks` says each one's outcome. */
  report(): Promise<{ status: 200 | 503; body: ReadinessBody }>;
}

export interface ReadinessBody {
  status: 'ready' | 'not ready';
  checks: Record<string, string>;
}

const CHECK_TIMEOUT_MS = 3_000;

async function within(ms: number, check: ReadinessCheck): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${ms / 1000} s`), ms);
  });
  try {
    return await Promise.race([Promise.resolve().then(check), late]);
  } catch (e) {
    // The driver's message may name hosts and users: only its class and SQLSTATE go out.
    const code = (e as { code?: unknown })?.code;
    return `failed (${(e as Error)?.name ?? 'Error'}${typeof code === 'string' ? ` ${code}` : ''})`;
  } finally {
    clearTimeout(timer);
  }
}

export function databaseCheck(orm: Orm): ReadinessCheck {
  return async () => {
    await orm.em.fork().execute('select 1');
    return null;
  };
}

/** The migrator's own comparison of the known migrations with the executed ones. */
export function migrationsCheck(orm: Orm): ReadinessCheck {
  return async () => {
    const pending = await orm.getMigrator().getPendingMigrations();
    if (!pending.length) return null;
    const names = pending.map((m) => m.name);
    return `${names.length} pending: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}`;
  };
}

/** Every check, run side by side, each within a few seconds. */
export function readiness(checks: Record<string, ReadinessCheck>): Readiness {
  return {
    async report() {
      const names = Object.keys(checks);
      const outcomes = await Promise.all(names.map((n) => within(CHECK_TIMEOUT_MS, checks[n]!)));
      const body: ReadinessBody = { status: 'ready', checks: {} };
      names.forEach((name, i) => {
        const problem = outcomes[i];
        body.checks[name] = problem ?? 'ok';
        if (problem) body.status = 'not ready';
      });
      return { status: body.status === 'ready' ? 200 : 503, body };
    },
  };
}

/** The hub's checks: database and migrations everywhere, schedules where they run. */
export function hubReadiness(orm: Orm, schedules?: { problem(): string | null } | null): Readiness {
  const checks: Record<string, ReadinessCheck> = {
    database: databaseCheck(orm),
    migrations: migrationsCheck(orm),
  };
  if (schedules) checks.schedules = () => schedules.problem();
  return readiness(checks);
}
