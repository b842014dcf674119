/**
 * When a window walk may stop (upstream-apis.md §2 "Paging"): a full walk must see every
 * row, or the sync layer takes the unseen ones for deleted. Both cases below are races a
 * real iGate can produce, made deterministic: a change hooked to a chosen request.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { IgateClient } from '../../../connectors/igate';
import type { IgateQuery } from '../../../connectors/igate/client';
import { keyOf, walkWindows } from '../../../connectors/igate/window-walk';
import type { IgateSimulator } from '../../../connectors/sim/igate/simulator';
import { connectorConfig, startSmallSim } from './support';

const DAY = 86_400_000;
/**
 * Longer than the walk over the whole timeline takes, so it reaches the present within it,
 * with room for a loaded machine (at 300 ms the first test's precondition failed under load).
 */
const LAG_MS = 1500;

let sim: IgateSimulator;
let client: IgateClient;
afterEach(async () => {
  client.close();
  await sim.close();
});

/** A full walk on the real clock; `before` runs before each request. Returns code → last updatedDate read. */
async function fullWalk(before: (query: IgateQuery) => void): Promise<Map<string, string>> {
  const latest = new Map<string, string>();
  const walk = walkWindows<string>(
    {
      name: 'dossiers',
      pageSize: 40,
      lagMs: LAG_MS,
      initialSpanMs: 120 * DAY,
      maxSpanMs: 366 * DAY,
      maxWindowRows: 120,
      catchUpRounds: 3,
      floor: Date.parse('2019-01-01T00:00:00Z'),
      fetch: (query, signal) => {
        before(query);
        return client.dossiers(query, signal);
      },
      build: (raws) => ({
        items: raws.map((raw) => {
          const r = raw as { code: string; updatedDate: string };
          latest.set(r.code, r.updatedDate);
          return { key: r.code, row: r.code, raw: null };
        }),
        rejected: [],
      }),
    },
    { full: true, cursor: null, resumeFrom: null },
  );
  for await (const _ of walk);
  return latest;
}

function expectEveryFinalVersion(latest: Map<string, string>): void {
  const want = new Map<string, string>();
  for (let i = 0; i < sim.dossierCount(); i++) {
    const raw = sim.rawDossier(i) as { code: string; updatedDate: string };
    want.set(raw.code, raw.updatedDate);
  }
  expect(new Map([...latest].sort())).toEqual(new Map([...want].sort()));
}

describe('the end of a full window walk', () => {
  it('reads the rows changed while its last past windows were read, less than the lag before the present', async () => {
    sim = await startSmallSim();
    client = new IgateClient(connectorConfig(sim));
    let added = -1;
    let changedAt = 0;
    let lastPastAt = 0;
    const latest = await fullWalk((query) => {
      if (added < 0) {
        // On the first request: a row of a window not read yet changes, and one is filed.
        sim.bumpDossier(sim.dossierCount() - 1);
        added = sim.addDossier();
        changedAt = Date.now();
      }
      // A window ending before the change minus the lag is one of the past (a present one cannot).
      if ((query.to?.getTime() ?? Number.POSITIVE_INFINITY) < changedAt - LAG_MS) lastPastAt = Date.now();
    });
    // The race exists only when the walk is done with the past less than the lag after the change.
    expect(lastPastAt - changedAt).toBeLessThan(LAG_MS);
    expect(latest.has(String(sim.rawDossier(added).code))).toBe(true);
    expectEveryFinalVersion(latest);
  });

  it('does not stop at a present window left empty by its only row changing again before it was read', async () => {
    sim = await startSmallSim();
    client = new IgateClient(connectorConfig(sim));
    const row = 5;
    sim.bumpDossier(row); // before the walk: its timeline version is gone, it waits in the present
    await new Promise((r) => setTimeout(r, LAG_MS + 20));
    const changedAt = keyOf(sim.rawDossier(row))?.at as number;
    let moved = false;
    const latest = await fullWalk((query) => {
      // The first request of the window that holds it: the row changes again, and leaves it.
      const from = query.from?.getTime() ?? 0;
      const to = query.to?.getTime() ?? Number.POSITIVE_INFINITY;
      if (!moved && from <= changedAt && changedAt <= to) {
        moved = true;
        sim.bumpDossier(row);
      }
    });
    expect(moved).toBe(true);
    expectEveryFinalVersion(latest);
  });
});
