import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAULT_KINDS, type FaultKind } from '../../../connectors/sim/kit/faults';
import type { RunSummary } from '../../../src/sync/runner';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import type { PaknSetup } from './support';
import { type Snapshot, syncer, withSim } from './sync-support';

/**
 * Every fault of upstream-apis.md "Faults every connector must survive" that PAKN can
 * show, one at a time and all at once: a full sync under faults ends with exactly what a
 * fault-free sync of the same data stores (keys and content hashes).
 */

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());
beforeEach(() => db.truncate());

const { sync, stored, cleanSnapshot } = syncer(() => db);
/** Fault seed; `FAULT_SEED=5 npx vitest run test/connectors/pakn` tries another draw. */
const SEED = Number(process.env.FAULT_SEED ?? 31);

describe('PAKN sync under faults', () => {
  // PAKN has no session or token to expire (§3): every other fault of the contract.
  const FAULTS: FaultKind[] = FAULT_KINDS.filter((k) => k !== 'expire');

  /** Faults at `rate`, and each kind forced `forced` times whatever the draw, so every kind is exercised. */
  async function faultySync(
    s: PaknSetup,
    kinds: FaultKind[],
    rate: number,
    forced: number,
  ): Promise<RunSummary> {
    s.sim.faults.configure({ rate, kinds, seed: SEED, retryAfterSeconds: 0, slowMs: 400 });
    for (const kind of kinds) s.sim.faults.enqueue(kind, { times: forced });
    return sync(s.connector, { full: true });
  }

  /** What a fault-free sync of an untouched simulator stores (faults other than shift change no data). */
  let reference: Snapshot | null = null;
  async function referenceSnapshot(): Promise<Snapshot> {
    reference ??= await withSim((s) => cleanSnapshot(s));
    return reference;
  }

  it.each(FAULTS)('ends a full sync under %s with exactly what a fault-free sync stores', async (kind) => {
    const expected = kind === 'shift' ? null : await referenceSnapshot();
    await withSim(
      async (s) => {
        await db.truncate();
        const summary = await faultySync(s, [kind], 0.2, 2);
        expect(s.sim.stats.faults[kind]).toBeGreaterThanOrEqual(2);
        expect(summary.status).toBe('SUCCEEDED');
        const faulty = await stored();
        expect(faulty.length).toBeGreaterThanOrEqual(60);
        expect(faulty).toEqual(expected ?? (await cleanSnapshot(s)));
      },
      {},
      { timeoutMs: 200 },
    );
  });

  it('ends a full sync under every fault at once with exactly what a fault-free sync stores', async () => {
    await withSim(
      async (s) => {
        const summary = await faultySync(s, FAULTS, 0.15, 1);
        for (const kind of FAULTS) expect(s.sim.stats.faults[kind]).toBeGreaterThanOrEqual(1);
        expect(summary.status).toBe('SUCCEEDED');
        expect(summary.counts.retries).toBeGreaterThan(0);
        expect(await stored()).toEqual(await cleanSnapshot(s));
      },
      { feedbacks: 150 },
      // The forced faults come first, one after another on the same call: room for them all.
      { timeoutMs: 200, pageSize: 3, maxRetries: 20 },
    );
  });
});
