/**
 * A hub over one small simulated province: the national database and iGate simulators
 * share a world, both are synced through the hub's own connector factory, and the graph
 * is served over real HTTP.
 */
import { graphql } from 'graphql';
import { type IgateSimulator, startIgateSimulator } from '../../../connectors/sim/igate/simulator';
import { type NationalSimulator, startNationalSimulator } from '../../../connectors/sim/national/simulator';
import { createWorld } from '../../../connectors/sim/world';
import type { GraphContext } from '../../../src/graph/context';
import { hubSchema } from '../../../src/graph/schema';
import { createLogger } from '../../../src/log';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { startTestHub, type TestHub, testConfig, testServices } from '../../support/hub';

export interface Province {
  db: TestDatabase;
  national: NationalSimulator;
  igate: IgateSimulator;
  hub: TestHub;
  close(): Promise<void>;
}

/** `env`: more hub configuration (OIDC, limits) on top of the simulators' URLs. */
export async function syncedProvince(dossiers = 240, env: Record<string, string> = {}): Promise<Province> {
  const db = await createTestDatabase();
  const world = createWorld({ seed: 7, procedures: 60 });
  const national = await startNationalSimulator({ world, port: 0, faults: {} });
  const igate = await startIgateSimulator({ world, dossiers, faults: {} });
  const hub = await startTestHub(
    db,
    testConfig({ NATIONAL_URL: national.url, IGATE_URL: igate.url, ...env }),
  );
  for (const source of ['NATIONAL', 'IGATE'] as const) {
    const run = await hub.services.sync.run(source, { trigger: 'CLI', full: true });
    if (run.status !== 'SUCCEEDED')
      throw new Error(`setup sync ${source} ${run.status}: ${run.errorMessage}`);
  }
  return {
    db,
    national,
    igate,
    hub,
    async close() {
      await hub.close();
      await igate.close();
      await national.close();
      await db.drop();
    },
  };
}

/** Runs a document against the schema with a context built here (a caller without the pii grant). */
export async function asCaller<T>(
  db: TestDatabase,
  source: string,
  principal: GraphContext['principal'],
  variables: Record<string, unknown> = {},
): Promise<{ data?: T; errors?: readonly { message: string }[] }> {
  const config = testConfig();
  const context: GraphContext = {
    em: db.orm.em.fork(),
    principal,
    scope: { agencyCodes: principal.agency ? [principal.agency] : null },
    requestId: 'test',
    log: createLogger('silent'),
    services: testServices(db, config),
    loaders: new Map(),
  };
  const result = await graphql({
    schema: await hubSchema(),
    source,
    contextValue: context,
    variableValues: variables,
  });
  return { data: result.data as T | undefined, errors: result.errors };
}

/** The simulator's raw dossiers, for expectations computed independently of the hub. */
export function rawDossiers(igate: IgateSimulator): Array<Record<string, unknown> & { code: string }> {
  return Array.from(
    { length: igate.dossierCount() },
    (_, i) => igate.rawDossier(i) as Record<string, unknown> & { code: string },
  );
}

/** `2020-03-05T08:12:00.000+0700` → epoch ms. */
export function igateMs(value: unknown): number | null {
  return typeof value === 'string' ? Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : null;
}
