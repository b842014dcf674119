/**
 * The database the hub uses: DATABASE_URL, or the embedded PostgreSQL. A second hub
 * command (say `hub sync` beside a running `hub serve`) shares the embedded server that
 * is already up on the data folder instead of starting another on the same data. The hub
 * creates only its own embedded database, never one named in DATABASE_URL.
 */
import path from 'node:path';
import type { HubConfig } from '../config';
import { redactUrl } from '../config';
import { type Logger, logFailure } from '../log';
import { checkConnection } from './connect-check';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded';
import { migrate, type Orm, openOrm } from './orm';
import { type ServeLock, ServeLockTaken, takeServeLock } from './serve-lock';
import { APPLICATION_NAME } from './session-name';
import { DatabaseStartError, DatabaseUnreachableError } from './start-error';
import { cancelSessionsNamed } from './statement-scope';

export interface Database {
  url: string;
  orm: Orm;
  /** A second ORM on DATABASE_READ_URL (a read replica) when set: reports read through it. */
  readOrm: Orm | null;
  embedded: boolean;
  /** Cancels the statements this process is running (shutdown: after the syncs' last page). */
  cancelStatements(): Promise<void>;
  close(): Promise<void>;
}

export { DatabaseStartError };

export async function openDatabase(
  config: HubConfig,
  log: Logger,
  options: { migrate: boolean /** `hub serve`: one per embedded data folder. */; exclusive?: boolean },
): Promise<Database> {
  let embedded: EmbeddedDatabase | null = null;
  if (!config.databaseUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      log,
      keepWhileInUse: true,
    });
    if (embedded.started)
      log.info({ port: embedded.port, dataDir: config.dataDir }, 'embedded postgres started');
  }
  const url = embedded?.url ?? (config.databaseUrl as string);
  let lock: ServeLock | null = null;
  let orm: Orm | null = null;
  const undo = async () => {
    await orm?.close(true).catch(logFailure(log, 'orm_close_failed', 'database pool not closed cleanly'));
    await lock?.release();
    await embedded?.stop();
  };
  try {
    await checkConnection(url, config.databaseConnectTimeoutMs).catch((e) => {
      throw new DatabaseStartError(
        `cannot connect to the database at ${redactUrl(url)}: ${(e as Error).message}` +
          (config.databaseUrl ? ' (check DATABASE_URL, or unset it for the embedded one)' : ''),
      );
    });
    if (options.exclusive && embedded) {
      lock = await takeServeLock(url, `the data folder ${path.resolve(config.dataDir)}`).catch((e) => {
        throw e instanceof ServeLockTaken ? new DatabaseStartError(e.message) : e;
      });
    }
    orm = await openOrm(url, log, {}, config.databaseConnectTimeoutMs).catch((e) => {
      const reason = e instanceof DatabaseUnreachableError ? e.reason : String((e as Error)?.message ?? e);
      throw new DatabaseStartError(`cannot connect to the database at ${redactUrl(url)}: ${reason}`, {
        cause: e,
      });
    });
    if (options.migrate) {
      await migrate(orm, log).catch((e) => {
        throw new DatabaseStartError(`migrations failed: ${String((e as Error)?.message ?? e)}`);
      });
    }
  } catch (e) {
    await undo();
    throw e;
  }
  const opened = orm;
  // Reports may read from a replica; it is never migrated (the primary's migrations reach it).
  const readOrm = config.databaseReadUrl
    ? await openOrm(config.databaseReadUrl, log, {}, config.databaseConnectTimeoutMs).catch(async (e) => {
        await undo();
        throw new DatabaseStartError(
          `cannot connect to the read database at ${redactUrl(config.databaseReadUrl as string)}: ${String((e as Error)?.message ?? e)}`,
        );
      })
    : null;
  return {
    url,
    orm: opened,
    readOrm,
    embedded: embedded !== null,
    cancelStatements: () => cancelSessionsNamed(url, APPLICATION_NAME),
    async close() {
      await readOrm?.close(true);
      await opened.close(true);
      await lock?.release();
      await embedded?.stop();
    },
  };
}
