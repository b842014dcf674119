/**
 * A hub whose database holds a synced national catalogue and synced PAKN feedback about
 * the same small world, plus what the PAKN portal serves (to compute expected answers).
 */
import { expect } from 'vitest';
import { toFeedback } from '../../../connectors/pakn/map';
import { startNationalSimulator } from '../../../connectors/sim/national/simulator';
import type { FeedbackRecord } from '../../../src/domain/model';
import { smallWorld, startPakn } from '../../connectors/pakn/support';
import { syncer } from '../../connectors/pakn/sync-support';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { startTestHub, type TestHub, testConfig } from '../../support/hub';

export interface FeedbackGraph {
  db: TestDatabase;
  hub: TestHub;
  /** Every valid feedback record the portal serves, as mapped. */
  truth: FeedbackRecord[];
  unknown: Array<{ maPAKN: string; field: string; value: string }>;
  close(): Promise<void>;
}

export async function startFeedbackGraph(): Promise<FeedbackGraph> {
  const db = await createTestDatabase();
  const national = await startNationalSimulator({ world: smallWorld(), port: 0, faults: {} });
  const pakn = await startPakn({ feedbacks: 80 });
  const hub = await startTestHub(db, testConfig({ NATIONAL_URL: national.url, HUB_ADMIN_KEY_PII: '1' }));
  const run = await hub.services.sync.run('NATIONAL', { trigger: 'CLI', full: true });
  expect(run.errorMessage).toBeNull();
  expect(run.status).toBe('SUCCEEDED');
  const feedbackRun = await syncer(() => db).sync(pakn.connector, { full: true });
  expect(feedbackRun.status).toBe('SUCCEEDED');
  const truth = [...pakn.sim.items()].flatMap((raw) => {
    const r = toFeedback(raw);
    return r.ok ? [r.record] : [];
  });
  const unknown = pakn.sim.manifest().unknownReferences;
  await pakn.close();
  await national.close();
  return {
    db,
    hub,
    truth,
    unknown,
    close: async () => {
      await hub.close();
      await db.drop();
    },
  };
}

/** Newest sent first, the code breaking ties (the graph's order). */
export function byGraphOrder(a: FeedbackRecord, b: FeedbackRecord): number {
  return b.sentAt.getTime() - a.sentAt.getTime() || (a.code < b.code ? 1 : a.code > b.code ? -1 : 0);
}
