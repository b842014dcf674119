/**
 * A hub for tests: the real server on an ephemeral port over a test database, with the
 * connectors pointed wherever the test says (usually simulators it started).
 */
import { type HubConfig, loadConfig } from '../../src/config';
import type { Orm } from '../../src/db/orm';
import type { HubServices } from '../../src/graph/context';
import { createLogger } from '../../src/log';
import { CheckService } from '../../src/modules/check';
import { startServer } from '../../src/server';
import { connectorFactory } from '../../src/sync/connectors';
import { SyncService } from '../../src/sync/sync.service';
import type { TestDatabase } from './db';

export const TEST_KEY = 'test-admin-key-0123456789';

export interface GraphResult<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface TestHub {
  url: string;
  config: HubConfig;
  services: HubServices;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    key?: string | null,
  ): Promise<GraphResult<T>>;
  close(): Promise<void>;
}

/** A config as `hub serve` would read it, with `env` on top of a quiet, non-simulated base. */
export function testConfig(env: Record<string, string | undefined> = {}): HubConfig {
  return loadConfig({
    HUB_SIMULATE: '0',
    PII_SALT: 'test-salt-0123456789abcdef',
    NATIONAL_URL: 'http://127.0.0.1:9',
    // The simulators' own credentials.
    NATIONAL_USERNAME: 'hub',
    NATIONAL_PASSWORD: 'hub-secret',
    IGATE_CLIENT_ID: 'tthc-hub',
    IGATE_CLIENT_SECRET: 'hub-secret',
    PAKN_API_KEY: 'hub-secret',
    IGATE_URL: 'http://127.0.0.1:9',
    PAKN_URL: 'http://127.0.0.1:9',
    LOG_LEVEL: 'silent',
    UPSTREAM_TIMEOUT_MS: '2000',
    ...env,
  });
}

export function testServices(db: TestDatabase, config: HubConfig): HubServices {
  const log = createLogger('silent');
  return {
    config,
    sync: new SyncService(db.orm, config, log, connectorFactory(config, log)),
    checks: new CheckService(db.orm, log),
  };
}

export async function startTestHub(
  db: TestDatabase,
  config: HubConfig = testConfig(),
  /** The read replica's ORM (DATABASE_READ_URL), as `hub serve` passes it. */
  readOrm: Orm | null = null,
): Promise<TestHub> {
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const services = testServices(db, config);
  const server = await startServer({
    orm: db.orm,
    readOrm,
    services,
    log,
    port: 0,
    host: '127.0.0.1',
    adminKey: TEST_KEY,
    exposeKeyInGraphiql: false,
  });
  return {
    url: server.url,
    config,
    services,
    async gql(query, variables, key = TEST_KEY) {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GraphResult;
      return { ...body, status: res.status } as never;
    },
    close: () => server.close(),
  };
}
