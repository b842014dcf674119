/**
 * The three simulated portals over one small world, and (optionally) a test hub synced
 * from all three: for tests that need dossiers, feedback and the catalogue together.
 */
import {
  DOSSIER_BAD_KINDS,
  type IgateSimulator,
  startIgateSimulator,
} from '../../connectors/sim/igate/simulator';
import type { FaultOptions } from '../../connectors/sim/kit/faults';
import { type NationalSimulator, startNationalSimulator } from '../../connectors/sim/national/simulator';
import {
  dossierReferencesOf,
  type PaknSimulator,
  startPaknSimulator,
} from '../../connectors/sim/pakn/simulator';
import { createWorld } from '../../connectors/sim/world';
import type { HubConfig } from '../../src/config';
import { SOURCES } from '../../src/domain/model';
import type { TestDatabase } from './db';
import { startTestHub, type TestHub, testConfig } from './hub';

export interface Portals {
  national: NationalSimulator;
  igate: IgateSimulator;
  pakn: PaknSimulator;
  /** NATIONAL_URL, IGATE_URL and PAKN_URL pointing at them. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * `rough`: the portals misbehave as the real ones do: some requests fail (5xx, 429, cut
 * bodies, expired sessions; none slow), and a few dossiers and feedback items are malformed.
 */
export async function startPortals(
  sizes = { procedures: 60, dossiers: 400, feedbacks: 150 },
  options: { rough?: boolean } = {},
): Promise<Portals> {
  const world = createWorld({ seed: 7, procedures: sizes.procedures });
  const faults: FaultOptions = options.rough
    ? { rate: 0.05, rates: { slow: 0 }, retryAfterSeconds: 0, seed: 3 }
    : {};
  const national = await startNationalSimulator({ world, port: 0, faults });
  const igate = await startIgateSimulator({
    world,
    dossiers: sizes.dossiers,
    faults,
    ...(options.rough
      ? { badRecords: DOSSIER_BAD_KINDS.map((kind) => ({ stream: 'dossiers' as const, kind })) }
      : {}),
  });
  const pakn = await startPaknSimulator({
    world,
    feedbacks: sizes.feedbacks,
    dossiers: dossierReferencesOf(igate),
    faults,
    ...(options.rough ? { badRecords: 6 } : {}),
  });
  return {
    national,
    igate,
    pakn,
    env: { NATIONAL_URL: national.url, IGATE_URL: igate.url, PAKN_URL: pakn.url },
    async close() {
      await Promise.all([national.close(), igate.close(), pakn.close()]);
    },
  };
}

/** A test hub over `db` with every portal synced in full once. */
export async function syncedHub(
  db: TestDatabase,
  portals: Portals,
  env: Record<string, string> = {},
): Promise<{ hub: TestHub; config: HubConfig }> {
  const config = testConfig({ ...portals.env, ...env });
  const hub = await startTestHub(db, config);
  for (const source of SOURCES) {
    const run = await hub.services.sync.run(source, { trigger: 'CLI', full: true });
    if (run.status !== 'SUCCEEDED')
      throw new Error(`setup sync ${source} ${run.status}: ${run.errorMessage}`);
  }
  return { hub, config };
}
