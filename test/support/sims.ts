/** The simulated portals, in the test's process, with a small seeded province. */
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { type Simulators, startSimulators } from '../../src/simulate';

export function startSmallSimulators(counts: {
  procedures: number;
  dossiers: number;
  feedbacks: number;
}): Promise<Simulators> {
  return startSimulators(
    loadConfig({
      HUB_SIMULATE: '1',
      LOG_LEVEL: 'silent',
      PII_SALT: 'test-salt-0123456789abcdef',
      SIM_PROCEDURES: String(counts.procedures),
      SIM_DOSSIERS: String(counts.dossiers),
      SIM_FEEDBACKS: String(counts.feedbacks),
    }),
    createLogger('silent'),
  );
}

/** The portals' URLs as a hub's environment (testConfig). */
export const simulatorUrls = (sims: Simulators) => ({
  NATIONAL_URL: sims.urls.national,
  IGATE_URL: sims.urls.igate,
  PAKN_URL: sims.urls.pakn,
});
