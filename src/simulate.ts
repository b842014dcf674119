/**
 * Simulated portals for a hub with no upstream configured: the connectors talk to them
 * over real HTTP exactly as they would to the real portals.
 */

import { startNationalSimulator } from '../connectors/national/simulator';
import type { HubConfig } from './config';
import type { Logger } from './log';

export interface Simulators {
  urls: { national: string };
  close(): Promise<void>;
}

export async function startSimulators(
  config: HubConfig,
  log: Logger,
  ports: { national: number } = { national: 0 },
): Promise<Simulators> {
  const national = await startNationalSimulator({
    seed: config.sim.seed,
    procedures: config.sim.procedures,
    port: ports.national,
    username: config.national.username,
    password: config.national.password,
    unitCode: config.national.unitCode,
    faults: { rate: config.sim.faultRate, kinds: config.sim.faults ?? undefined },
  });
  log.info({ event: 'simulators_started', national: national.url }, 'simulated portals started');
  return {
    urls: { national: national.url },
    close: async () => {
      await national.close();
    },
  };
}

/** Points the configuration's connectors at the simulators. */
export function pointAtSimulators(config: HubConfig, sims: Simulators): HubConfig {
  return { ...config, national: { ...config.national, url: sims.urls.national } };
}
