/**
 * A hub over one small simulated province with all three portals (one shared live
 * catalogue), synced through the hub's own connectors, for the consistency checks.
 */
import {
  type IgateSimulator,
  type IgateSimulatorOptions,
  startIgateSimulator,
} from '../../../connectors/sim/igate/simulator';
import { type NationalSimulator, startNationalSimulator } from '../../../connectors/sim/national/simulator';
import {
  dossierReferencesOf,
  type PaknSimulator,
  startPaknSimulator,
} from '../../../connectors/sim/pakn/simulator';
import type { Source } from '../../../src/domain/model';
import { type CheckRunOptions, runChecks } from '../../../src/modules/check';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { startTestHub, type TestHub, testConfig } from '../../support/hub';

export interface CheckedProvince {
  db: TestDatabase;
  national: NationalSimulator;
  igate: IgateSimulator;
  pakn: PaknSimulator;
  hub: TestHub;
  /** A full sync that must succeed; answers with its run id. */
  sync(source: Source): Promise<string>;
  check(options?: Partial<CheckRunOptions>): ReturnType<typeof runChecks>;
  close(): Promise<void>;
}

export async function checkedProvince(
  options: {
    procedures?: number;
    dossiers?: number;
    feedbacks?: number;
    seed?: number;
    /** More iGate simulator options (the plan's tests plant agencies). */
    igate?: Partial<IgateSimulatorOptions>;
  } = {},
): Promise<CheckedProvince> {
  const db = await createTestDatabase();
  const national = await startNationalSimulator({
    seed: options.seed ?? 11,
    procedures: options.procedures ?? 120,
    port: 0,
    faults: {},
  });
  const igate = await startIgateSimulator({
    catalogue: national.catalogue,
    dossiers: options.dossiers ?? 300,
    faults: {},
    ...options.igate,
  });
  const pakn = await startPaknSimulator({
    world: national.world,
    feedbacks: options.feedbacks ?? 150,
    dossiers: dossierReferencesOf(igate),
    port: 0,
    faults: {},
  });
  const hub = await startTestHub(
    db,
    testConfig({ NATIONAL_URL: national.url, IGATE_URL: igate.url, PAKN_URL: pakn.url }),
  );
  const sync = async (source: Source) => {
    const run = await hub.services.sync.run(source, { trigger: 'CLI', full: true });
    if (run.status !== 'SUCCEEDED')
      throw new Error(`setup sync ${source} ${run.status}: ${run.errorMessage}`);
    return run.id;
  };
  for (const source of ['NATIONAL', 'IGATE', 'PAKN'] as const) await sync(source);
  return {
    db,
    national,
    igate,
    pakn,
    hub,
    sync,
    check: (o = {}) => runChecks(db.orm, { trigger: 'CLI', ...o }),
    async close() {
      await hub.close();
      await Promise.all([pakn.close(), igate.close(), national.close()]);
      await db.drop();
    },
  };
}
