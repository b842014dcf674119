/** Shared setup of the iGate tests: a small simulated province and a connector tuned to it. */
import type { IgateConfig } from '../../../connectors/igate';
import type { Page, ReadOptions, Stream } from '../../../connectors/kit/types';
import {
  type IgateSimulator,
  type IgateSimulatorOptions,
  startIgateSimulator,
} from '../../../connectors/sim/igate/simulator';
import { createWorld, type World } from '../../../connectors/sim/world';

export const SALT = 'test-salt-0123456789abcdef';

let world: World | null = null;
/** One small world per test file: 60 procedures. */
export function smallWorld(): World {
  world ??= createWorld({ seed: 7, procedures: 60 });
  return world;
}

export function startSmallSim(options: IgateSimulatorOptions = {}): Promise<IgateSimulator> {
  return startIgateSimulator({ world: smallWorld(), dossiers: 240, faults: {}, ...options });
}

/** Small pages and windows, a short lag and fast retries, so every path is taken in milliseconds. */
export function connectorConfig(sim: IgateSimulator, overrides: Partial<IgateConfig> = {}): IgateConfig {
  return {
    url: sim.url,
    clientId: 'tthc-hub',
    clientSecret: 'hub-secret',
    piiSalt: SALT,
    pageSize: 40,
    windowLagMs: 20,
    windowSpanMs: 120 * 86_400_000,
    maxWindowRows: 120,
    catchUpRounds: 25,
    timeoutMs: 1000,
    baseDelayMs: 1,
    maxDelayMs: 5,
    maxRetries: 8,
    ...overrides,
  };
}

export async function drain<Row>(
  stream: Stream<Row>,
  read: Partial<ReadOptions> = {},
  stopAfter = Number.POSITIVE_INFINITY,
): Promise<Page<Row>[]> {
  const pages: Page<Row>[] = [];
  for await (const page of stream.read({ full: false, cursor: null, resumeFrom: null, ...read })) {
    pages.push(page);
    if (pages.length >= stopAfter) break;
  }
  return pages;
}

/** Every dossier code the simulator serves now. */
export function allDossierCodes(sim: IgateSimulator): string[] {
  return Array.from({ length: sim.dossierCount() }, (_, i) => String(sim.rawDossier(i).code)).sort();
}

export function keysOf<Row>(pages: Page<Row>[]): string[] {
  return pages.flatMap((p) => p.items.map((i) => i.key));
}
