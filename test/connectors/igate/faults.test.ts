import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_KINDS } from '../../../connectors/sim/kit/faults';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { startSmallSim } from './support';
import { snapshot, syncIgate } from './sync-support';

describe('faults: a faulty full sync stores exactly what a fault-free one does', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const KINDS = FAULT_KINDS;

  it.each([...KINDS.map((k) => [k] as const), ['all'] as const])('%s', async (kind) => {
    await db.truncate();
    const sim = await startSmallSim({ dossiers: 80 });
    try {
      const rate = kind === 'all' ? { rate: 0.15 } : { rates: { [kind]: 0.15 } };
      sim.faults.configure({
        ...rate,
        seed: KINDS.indexOf(kind as never) + 11,
        retryAfterSeconds: 0,
        slowMs: 400,
      });
      const faulty = await syncIgate(db, sim, { config: { timeoutMs: 300 } });
      sim.faults.configure({});
      const injected = Object.values(sim.stats.faults).reduce((a, b) => a + b, 0);
      expect(injected).toBeGreaterThan(0);
      if (kind !== 'all') expect(sim.stats.faults[kind]).toBe(injected);
      expect(faulty.status).toBe('SUCCEEDED');
      const withFaults = await snapshot(db);

      await db.truncate();
      const clean = await syncIgate(db, sim);
      expect(clean.status).toBe('SUCCEEDED');
      expect(withFaults).toEqual(await snapshot(db));
      expect(Object.keys(withFaults.dossier ?? {}).length).toBe(sim.dossierCount());
    } finally {
      await sim.close();
    }
  });
});
