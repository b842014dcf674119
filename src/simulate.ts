/**
 * Simulated portals for a hub with no upstream configured: the connectors talk to them
 * over real HTTP exactly as they would to the real portals.
 */

import { startIgateSimulator } from '../connectors/sim/igate/simulator';
import { type FaultOptions, faultOptionsFromEnv } from '../connectors/sim/kit/faults';
import { startNationalSimulator } from '../connectors/sim/national/simulator';
import { dossierReferencesOf, startPaknSimulator } from '../connectors/sim/pakn/simulator';
import type { HubConfig } from './config';
import type { Logger } from './log';

export interface Simulators {
  urls: { national: string; igate: string; pakn: string };
  close(): Promise<void>;
}

export async function startSimulators(
  config: HubConfig,
  log: Logger,
  ports: { national: number; igate?: number; pakn?: number; host?: string } = { national: 0 },
): Promise<Simulators> {
  const national = await startNationalSimulator({
    seed: config.sim.seed,
    procedures: config.sim.procedures,
    port: ports.national,
    host: ports.host,
    // The simulator keeps its own credentials (hub / hub-secret): a wrong NATIONAL_PASSWORD
    // must fail against it just as it would against the real portal.
    unitCode: config.national.unitCode,
    faults: simFaults(config),
  });
  // iGate serves the same province (one world, one live catalogue) with its own credentials
  // (tthc-hub / hub-secret), planted discrepancies and SIM_DOSSIERS dossiers.
  const igate = await startIgateSimulator({
    catalogue: national.catalogue,
    dossiers: config.sim.dossiers,
    port: ports.igate ?? 0,
    host: ports.host,
    faults: simFaults(config),
  });
  // PAKN: SIM_FEEDBACKS items about the same world, some naming iGate's dossiers; its own
  // key (hub-secret), so a wrong PAKN_API_KEY is refused as the real portal would.
  const pakn = await startPaknSimulator({
    world: national.world,
    feedbacks: config.sim.feedbacks,
    dossiers: dossierReferencesOf(igate),
    port: ports.pakn ?? 0,
    host: ports.host,
    faults: simFaults(config),
  });
  log.info(
    { event: 'simulators_started', national: national.url, igate: igate.url, pakn: pakn.url },
    'simulated portals started',
  );
  return {
    urls: { national: national.url, igate: igate.url, pakn: pakn.url },
    close: async () => {
      await Promise.all([national.close(), igate.close(), pakn.close()]);
    },
  };
}

/** SIM_FAULT_RATE and SIM_FAULTS as validated by the config, plus the finer SIM_* fault settings. */
export function simFaults(config: HubConfig): FaultOptions {
  return { ...faultOptionsFromEnv(), rate: config.sim.faultRate, kinds: config.sim.faults ?? undefined };
}

/** Points the configuration's connectors at the simulators. */
export function pointAtSimulators(config: HubConfig, sims: Simulators): HubConfig {
  return {
    ...config,
    national: { ...config.national, url: sims.urls.national },
    igate: { ...config.igate, url: sims.urls.igate },
    pakn: { ...config.pakn, url: sims.urls.pakn },
  };
}
