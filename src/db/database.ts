/**
 * The database the hub uses: DATABASE_URL, or the embedded PostgreSQL. A second hub
 * command (say `hub sync` beside a running `hub serve`) shares an embedded server that
 * is already up instead of starting another on the same data.
 */
import { Client } from 'pg';
import type { HubConfig } from '../config';
import { redactUrl } from '../config';
import type { Logger } from '../log';
import { startEmbeddedPostgres } from './embedded';
import { migrate, type Orm, openOrm } from './orm';

export interface Database {
  url: string;
  orm: Orm;
  embedded: boolean;
  close(): Promise<void>;
}

export class DatabaseStartError extends Error {}

async function answers(url: string): Promise<boolean> {
  const c = new Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    await c.end().catch(() => {});
    return false;
  }
}

export async function openDatabase(
  config: HubConfig,
  log: Logger,
  options: { migrate: boolean },
): Promise<Database> {
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | null = null;
  if (!url) {
    const shared = `postgres://postgres:postgres@127.0.0.1:${config.embeddedPgPort}/hub`;
    if (await answers(shared)) {
      url = shared;
      log.info({ port: config.embeddedPgPort }, 'using the embedded postgres another hub process started');
    } else {
      const pg = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, log });
      url = pg.url;
      stopEmbedded = pg.stop;
      log.info({ port: config.embeddedPgPort, dataDir: config.dataDir }, 'embedded postgres started');
    }
  }
  let orm: Orm;
  try {
    orm = await openOrm(url, log);
  } catch (e) {
    await stopEmbedded?.();
    const reason = String((e as Error)?.message ?? e).replace(/^database_unreachable: /, '');
    throw new DatabaseStartError(
      `cannot connect to the database at ${redactUrl(url)}: ${reason} (check DATABASE_URL, or unset it for the embedded one)`,
    );
  }
  if (options.migrate) {
    try {
      await migrate(orm, log);
    } catch (e) {
      await orm.close(true);
      await stopEmbedded?.();
      throw new DatabaseStartError(`migrations failed: ${String((e as Error)?.message ?? e)}`);
    }
  }
  return {
    url,
    orm,
    embedded: stopEmbedded !== null,
    async close() {
      await orm.close(true);
      await stopEmbedded?.();
    },
  };
}
