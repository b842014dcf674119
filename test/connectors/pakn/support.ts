/** A PAKN simulator and a connector pointed at it, over real HTTP, with a pinned clock. */

import type { Connector, Page, ReadOptions } from '../../../connectors/kit/types';
import { createPaknConnector, type PaknConfig } from '../../../connectors/pakn';
import { localInstant } from '../../../connectors/sim/kit/time';
import {
  type PaknSimulator,
  type PaknSimulatorOptions,
  startPaknSimulator,
} from '../../../connectors/sim/pakn/simulator';
import { createWorld, type World } from '../../../connectors/sim/world';
import type { FeedbackRecord } from '../../../src/domain/model';

/** "Now" for both sides: 15/01/2021 10:00 local, after every seeded item. */
export const NOW = localInstant(2021, 1, 15, 10, 0, 0);
export const TODAY = '2021-01-15';

let world: World | undefined;
/** One small world per test file: building it is the slow part. */
export function smallWorld(): World {
  world ??= createWorld({ seed: 7, procedures: 80 });
  return world;
}

export interface PaknSetup {
  sim: PaknSimulator;
  connector: Connector;
  warnings: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startPakn(
  simOptions: PaknSimulatorOptions = {},
  config: Partial<PaknConfig> = {},
): Promise<PaknSetup> {
  const sim = await startPaknSimulator({
    world: smallWorld(),
    feedbacks: 60,
    from: localInstant(2020, 1, 1),
    to: localInstant(2020, 3, 31, 17),
    faults: {},
    now: () => NOW,
    ...simOptions,
  });
  const warnings: Array<Record<string, unknown>> = [];
  const connector = createPaknConnector(
    {
      url: sim.url,
      apiKey: 'hub-secret',
      pageSize: 5,
      windowDays: 14,
      firstDay: '2019-12-01',
      baseDelayMs: 1,
      maxDelayMs: 10,
      maxRetries: 8,
      timeoutMs: 1_000,
      now: () => NOW,
      ...config,
    },
    { logger: { warn: (obj) => warnings.push(obj) } },
  );
  return {
    sim,
    connector,
    warnings,
    close: async () => {
      await connector.close?.();
      await sim.close();
    },
  };
}

export async function readAll(
  connector: Connector,
  options: Partial<ReadOptions> = {},
  limit = Number.POSITIVE_INFINITY,
): Promise<Page<FeedbackRecord>[]> {
  const stream = connector.streams[0];
  if (!stream) throw new Error('no stream');
  const pages: Page<FeedbackRecord>[] = [];
  for await (const page of stream.read({ full: true, cursor: null, resumeFrom: null, ...options })) {
    pages.push(page as Page<FeedbackRecord>);
    if (pages.length >= limit) break;
  }
  return pages;
}

export const keysOf = (pages: Page<FeedbackRecord>[]): string[] =>
  pages.flatMap((p) => p.items.map((i) => i.key));
