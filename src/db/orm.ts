import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { migrationsList } from '../../migrations';
import type { WorkingCalendar } from '../domain/calendar';
import { type Logger, logFailure, logger } from '../log';
import { refreshCalendarTable } from './calendar-table';
import { entities } from './entities';
import { APPLICATION_NAME } from './session-name';
import { DatabaseUnreachableError } from './start-error';

export type Orm = MikroORM;

export function ormOptions(
  url: string,
  overrides: Partial<Options> = {},
  connectTimeoutMs = 10_000,
): Options {
  return defineConfig({
    clientUrl: url,
    // Only the embedded server's own database is ever created (by the hub, explicitly).
    ensureDatabase: false,
    driverOptions: {
      connection: { connectionTimeoutMillis: connectTimeoutMs, application_name: APPLICATION_NAME },
      acquireConnectionTimeout: Math.max(connectTimeoutMs, 10_000),
    },
    entities,
    extensions: [Migrator],
    // Explicit lists: no file discovery, so the same code runs from src (tests) and dist.
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    migrations: {
      migrationsList,
      tableName: 'hub_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      path: 'migrations',
    },
    dynamicImportProvider: (id: string) => import(id),
    forceUtcTimezone: true,
    pool: { min: 0, max: 10 },
    allowGlobalContext: false,
    debug: false,
    colors: false,
    // MikroORM prints migration progress itself; it goes to the hub's log instead of stdout.
    logger: () => {},
    ...overrides,
  });
}

/** Connects, and fails with one clear line when the database cannot be reached. */
export async function openOrm(
  url: string,
  log?: Logger,
  overrides: Partial<Options> = {},
  connectTimeoutMs?: number,
): Promise<Orm> {
  const logger = (message: string) => log?.info({ event: 'orm', message }, 'database');
  const orm = await MikroORM.init(ormOptions(url, { logger, ...overrides }, connectTimeoutMs));
  if (!(await orm.isConnected())) {
    const check = await orm.checkConnection();
    await orm.close(true);
    throw new DatabaseUnreachableError(check.ok ? 'unknown' : check.reason);
  }
  log?.debug('database connected');
  return orm;
}

/** Any fixed number: the advisory lock that lets one process at a time migrate. */
const MIGRATION_LOCK = 73_102_002;

/**
 * Applies pending migrations. Replicas starting together take turns on an advisory lock,
 * held on a connection of its own (a session lock: migrate through a direct connection,
 * not a transaction-pooling proxy); the later ones then find nothing to do. Then the
 * working-day calendar table is brought in line with the calendar (bundled data plus
 * HOLIDAYS_DIR), which may have changed without any migration.
 */
export async function migrate(orm: Orm, log?: Logger, calendar?: WorkingCalendar): Promise<string[]> {
  const lock = new Client({
    connectionString: orm.config.get('clientUrl'),
    application_name: APPLICATION_NAME,
  });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await orm.getMigrator().up();
    const names = applied.map((m) => m.name);
    if (names.length) log?.info({ migrations: names }, 'migrations applied');
    await refreshCalendarTable(lock, calendar);
    return names;
  } finally {
    // Ending the session releases the lock too: a failed unlock is only logged.
    await lock
      .query('select pg_advisory_unlock($1)', [MIGRATION_LOCK])
      .catch(
        logFailure(log ?? logger(), 'migration_unlock_failed', 'migration lock not released before closing'),
      );
    await lock.end();
  }
}
