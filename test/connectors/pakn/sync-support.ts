/** Real syncs of the PAKN connector into a test database. */
import { expect } from 'vitest';
import type { Connector } from '../../../connectors/kit/types';
import { createLogger } from '../../../src/log';
import { type RunSummary, runSync } from '../../../src/sync/runner';
import type { TestDatabase } from '../../support/db';
import { type PaknSetup, startPakn } from './support';

const log = createLogger('silent');
const settings = { abandonAfterMs: 120_000, deleteGuardPercent: 50 };

export type Snapshot = Array<{ code: string; content_hash: string }>;

export function syncer(db: () => TestDatabase) {
  const sync = (
    connector: Connector,
    options: { full?: boolean; signal?: AbortSignal; onProgress?: () => void } = {},
  ): Promise<RunSummary> =>
    runSync({ orm: db().orm, log, settings, connector }, { trigger: 'CLI', ...options });

  /** What is stored: key → content hash, tombstones excluded. */
  const stored = (): Promise<Snapshot> =>
    db()
      .orm.em.fork()
      .execute(`select code, content_hash from feedback where deleted_at is null order by code collate "C"`);

  /** A fault-free full sync of the simulator as it stands now, into an emptied database. */
  const cleanSnapshot = async (s: PaknSetup): Promise<Snapshot> => {
    s.sim.faults.configure({});
    await db().truncate();
    const summary = await sync(s.connector, { full: true });
    expect(summary.status).toBe('SUCCEEDED');
    return stored();
  };

  return { sync, stored, cleanSnapshot };
}

export async function withSim<T>(
  run: (s: PaknSetup) => Promise<T>,
  ...args: Parameters<typeof startPakn>
): Promise<T> {
  const s = await startPakn(...args);
  try {
    return await run(s);
  } finally {
    await s.close();
  }
}
