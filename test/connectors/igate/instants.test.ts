/**
 * Many dossiers changed in one millisecond, at a window's end and in the millisecond a
 * window is read: consecutive incremental walks read every version once and the cursor
 * never passes a row that was not read (upstream-apis.md §2 "Paging": inclusive bounds,
 * rows ordered by updatedDate then id).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createIgateConnector, IgateClient } from '../../../connectors/igate';
import { DEFAULTS } from '../../../connectors/igate/streams';
import { decodeState, encodeState } from '../../../connectors/igate/window-state';
import { keyOf, walkWindows } from '../../../connectors/igate/window-walk';
import type { Stream } from '../../../connectors/kit/types';
import type { IgateSimulator } from '../../../connectors/sim/igate/simulator';
import type { DossierRecord } from '../../../src/domain/model';
import { connectorConfig, drain, keysOf, startSmallSim } from './support';

const PAGE = 40;
const DAY = 86_400_000;
/** An instant after the simulated timeline: every row changed from here on is a bumped one. */
const T0 = Date.parse('2026-03-02T02:00:00.000Z');

let sim: IgateSimulator;
let client: IgateClient | null = null;
afterEach(async () => {
  client?.close();
  client = null;
  await sim.close();
});

describe('simulated iGate: changes made in one millisecond', () => {
  it('share it and are served in id order, paged without a gap or a repeat', async () => {
    const t = T0;
    sim = await startSmallSim({ now: () => t });
    client = new IgateClient(connectorConfig(sim));
    for (let i = 0; i < 100; i++) sim.bumpDossier(i);
    for (let i = 0; i < 5; i++) sim.addDossier();
    const rows: { at: number; id: string }[] = [];
    for (let page = 0; ; page++) {
      const r = await client.dossiers({ page, size: PAGE, from: new Date(t), to: new Date(t) });
      expect(r.totalElements).toBe(105);
      rows.push(...r.content.map((raw) => keyOf(raw) as { at: number; id: string }));
      if (r.content.length < PAGE) break;
    }
    expect(rows.map((r) => r.at)).toEqual(Array(105).fill(t));
    const ids = rows.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(105);
    const after = await client.dossiers({
      page: 0,
      size: PAGE,
      from: new Date(t + 1),
      to: new Date(t + DAY),
    });
    expect(after.totalElements).toBe(0);
  });
});

/**
 * A fake clock shared by the simulator and the walk. While a walk runs:
 * - right after each request is answered, in the same millisecond, 7 dossiers change
 *   (with no lag, that millisecond is the window's end);
 * - after each page, 50 dossiers (more than a page) change in the next millisecond, then the
 *   clock moves on by the lag, so that millisecond is exactly the next window's end;
 * - before the first request for a page past 0 of one instant, a dossier of that instant
 *   already read changes (it leaves the window, and the rows behind it move up one place).
 */
async function scenario(lagMs: number): Promise<{ movedOut: number; versions: number }> {
  let t = T0 + 10_000;
  sim = await startSmallSim({ now: () => t });
  client = new IgateClient(connectorConfig(sim));
  const igate = client;
  const count = sim.dossierCount();
  const indexOf = new Map<string, number>();
  for (let i = 0; i < count; i++) indexOf.set(String(sim.rawDossier(i).id), i);
  const changed = new Set<number>();
  const change = (i: number): void => {
    sim.bumpDossier(i);
    changed.add(i);
  };
  let next = 0;
  const bump = (n: number): void => {
    for (let k = 0; k < n; k++) change(next++ % count);
  };
  const reads = new Map<string, number>();
  let movedOut = 0;

  const version = (i: number): { at: number; key: string } => {
    const key = keyOf(sim.rawDossier(i)) as { at: number; id: string };
    return { at: key.at, key: `${key.id}@${key.at}` };
  };
  const expectNothingUnreadBefore = (cursor: string | null): void => {
    if (cursor === null) return;
    const end = Date.parse(cursor);
    const unread = [...changed].filter((i) => version(i).at <= end && !reads.has(version(i).key));
    expect(unread, `rows at or before the cursor ${cursor} never read`).toEqual([]);
  };

  async function run(cursor: string, busy: boolean): Promise<string> {
    const pagedInstants = new Set<number>();
    const readNow: { at: number; id: string }[] = [];
    const walk = walkWindows<string>(
      {
        name: 'dossiers',
        pageSize: PAGE,
        lagMs,
        initialSpanMs: DAY,
        maxSpanMs: 366 * DAY,
        maxWindowRows: PAGE * 20,
        catchUpRounds: 3,
        floor: T0 - DAY,
        now: () => t,
        fetch: async (query, signal) => {
          const from = query.from?.getTime() ?? 0;
          if (busy && query.page > 0 && !pagedInstants.has(from)) {
            pagedInstants.add(from);
            const victim = readNow.find((k) => k.at === from);
            if (victim) {
              change(indexOf.get(victim.id) as number);
              movedOut++;
            }
          }
          const page = await igate.dossiers(query, signal);
          if (busy) bump(7);
          return page;
        },
        build: (raws) => ({
          items: raws.map((raw) => {
            const key = keyOf(raw) as { at: number; id: string };
            const v = `${key.id}@${key.at}`;
            reads.set(v, (reads.get(v) ?? 0) + 1);
            readNow.push(key);
            return { key: key.id, row: key.id, raw: null };
          }),
          rejected: [],
        }),
      },
      { full: false, cursor, resumeFrom: null },
    );
    let last = cursor;
    for await (const page of walk) {
      if (page.cursor !== null) {
        expect(page.cursor >= last).toBe(true);
        last = page.cursor;
      }
      expectNothingUnreadBefore(last);
      t += 1;
      if (busy) bump(50);
      t += lagMs;
    }
    return last;
  }

  let cursor = new Date(T0).toISOString();
  for (let r = 0; r < 3; r++) cursor = await run(cursor, true);
  for (let r = 0; r < 2; r++) {
    t += lagMs + 1;
    cursor = await run(cursor, false);
  }
  // Every dossier's last version was read, and no version was read twice.
  const missing = [...changed].filter((i) => !reads.has(version(i).key));
  expect(missing).toEqual([]);
  expect([...reads].filter(([, n]) => n > 1)).toEqual([]);
  expect(Date.parse(cursor)).toBeGreaterThanOrEqual(Math.max(...[...changed].map((i) => version(i).at)));
  return { movedOut, versions: reads.size };
}

describe('incremental window walks over changes sharing a millisecond', () => {
  it('with no lag configured: rows changed in the millisecond a window ends are not passed over', async () => {
    const { movedOut, versions } = await scenario(0);
    expect(movedOut).toBeGreaterThan(0);
    expect(versions).toBeGreaterThan(240);
  });

  it('with the default lag: rows at the window end and a row leaving an instant being paged', async () => {
    const { movedOut, versions } = await scenario(DEFAULTS.windowLagMs);
    expect(movedOut).toBeGreaterThan(0);
    expect(versions).toBeGreaterThan(240);
  });
});

describe('the connector, with windowLagMs 0, after a burst of changes', () => {
  it('reads every dossier of the burst in the next incremental run, once', async () => {
    sim = await startSmallSim();
    const connector = createIgateConnector(connectorConfig(sim, { windowLagMs: 0, catchUpRounds: 3 }));
    const stream = connector.streams.find((s) => s.name === 'dossiers') as Stream<DossierRecord>;
    try {
      const cursor = (await drain(stream, { full: true })).at(-1)?.cursor ?? null;
      const burst = Array.from({ length: 120 }, (_, k) => 2 * k);
      for (const i of burst) sim.bumpDossier(i);
      await new Promise((r) => setTimeout(r, 5));
      const first = await drain(stream, { cursor });
      expect(keysOf(first).sort()).toEqual(burst.map((i) => String(sim.rawDossier(i).code)).sort());
      const again = await drain(stream, { cursor: first.at(-1)?.cursor ?? cursor });
      expect(keysOf(again)).toEqual([]);
    } finally {
      await connector.close?.();
    }
  });
});

describe('window checkpoints', () => {
  it('resume a page past 0 only with the count it was reached with, else that instant from page 0', () => {
    const state = {
      from: T0,
      to: T0 + DAY,
      present: false,
      after: { at: T0 + 5, id: 'a1' },
      page: 2,
      total: 130,
      span: DAY,
      cursor: null,
      catchUp: 0,
    };
    expect(decodeState(encodeState(state))).toEqual(state);
    const old = JSON.parse(encodeState(state)) as Record<string, unknown>;
    delete old.total;
    expect(decodeState(JSON.stringify(old))).toMatchObject({ page: 0, total: null, after: state.after });
  });
});
