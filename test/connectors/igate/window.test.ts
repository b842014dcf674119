import { afterEach, describe, expect, it } from 'vitest';
import { createIgateConnector } from '../../../connectors/igate';
import type { Connector, Stream } from '../../../connectors/kit/types';
import type { IgateSimulator } from '../../../connectors/sim/igate/simulator';
import type { DossierRecord } from '../../../src/domain/model';
import { allDossierCodes, connectorConfig, drain, keysOf, startSmallSim } from './support';

const DOSSIERS = 'GET /pa/dossier/search';

describe('dossier windows (bounded updated windows, keyset inside, cursor window by window)', () => {
  let sim: IgateSimulator;
  let connector: Connector;
  afterEach(async () => {
    await connector.close?.();
    await sim.close();
  });

  async function setup(overrides = {}): Promise<Stream<DossierRecord>> {
    sim = await startSmallSim();
    connector = createIgateConnector(connectorConfig(sim, overrides));
    return connector.streams.find((s) => s.name === 'dossiers') as Stream<DossierRecord>;
  }

  it('reads every dossier exactly once over many windows; the cursor is the end of the last window', async () => {
    const stream = await setup();
    const pages = await drain(stream, { full: true });
    const keys = keysOf(pages);
    expect(keys.sort()).toEqual(allDossierCodes(sim));
    expect(new Set(keys).size).toBe(keys.length);
    const cursors = pages.map((p) => p.cursor).filter((c): c is string => c !== null);
    expect(cursors).toEqual([...cursors].sort());
    expect(new Set(cursors).size).toBeGreaterThan(3);
    const last = Date.parse(cursors.at(-1) as string);
    expect(Date.now() - last).toBeLessThan(60_000); // the walk reached the present
  });

  it('reads from the cursor only what changed since, and nothing when nothing did', async () => {
    const stream = await setup();
    const first = await drain(stream, { full: true });
    const cursor = first.at(-1)?.cursor ?? null;
    expect(keysOf(await drain(stream, { cursor }))).toEqual([]);
    sim.bumpDossier(17);
    const added = sim.addDossier();
    await new Promise((r) => setTimeout(r, 30));
    const next = keysOf(await drain(stream, { cursor }));
    expect(next.sort()).toEqual([String(sim.rawDossier(17).code), String(sim.rawDossier(added).code)].sort());
  });

  it('resumes a killed walk at the page where it stopped, from its checkpoint', async () => {
    const stream = await setup();
    const count = () => sim.stats.byRoute[DOSSIERS] ?? 0;
    await drain(stream, { full: true });
    const whole = count();
    const before = await drain(stream, { full: true }, 3);
    const resumeFrom = before.at(-1)?.checkpoint ?? null;
    expect(resumeFrom).not.toBeNull();
    const atKill = count();
    const after = await drain(stream, { full: true, resumeFrom });
    const keys = [...keysOf(before), ...keysOf(after)];
    expect(keys.sort()).toEqual(allDossierCodes(sim));
    expect(new Set(keys).size).toBe(keys.length);
    // The resumed walk did not start over: the two parts cost what one walk costs.
    expect(count() - atKill + 3).toBeLessThanOrEqual(whole + 1);
  });

  it('loses no row when rows change or are added while a window is paged, and reads each final version', async () => {
    const stream = await setup();
    sim.faults.configure({ rates: { shift: 0.35 }, seed: 3 });
    const pages = await drain(stream, { full: true });
    sim.faults.configure({});
    expect(sim.stats.faults.shift).toBeGreaterThan(3);
    const latest = new Map<string, string>();
    for (const page of pages)
      for (const item of page.items) latest.set(item.key, item.row.updatedAt.toISOString());
    expect([...latest.keys()].sort()).toEqual(allDossierCodes(sim));
    for (let i = 0; i < sim.dossierCount(); i++) {
      const raw = sim.rawDossier(i) as { code: string; updatedDate: string };
      expect(latest.get(raw.code)).toBe(new Date(raw.updatedDate.replace('+0700', '+07:00')).toISOString());
    }
  });

  it('reads a record served on two pages once', async () => {
    const stream = await setup();
    sim.faults.configure({ rates: { duplicate: 0.5 }, seed: 5 });
    const keys = keysOf(await drain(stream, { full: true }));
    expect(sim.stats.faults.duplicate).toBeGreaterThan(3);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(allDossierCodes(sim));
  });

  it('splits a window holding too many rows before reading it, and widens empty ones', async () => {
    const stream = await setup({ windowSpanMs: 3 * 365 * 86_400_000, maxWindowRows: 60 });
    const pages = await drain(stream, { full: true });
    const windows = new Set(pages.map((p) => p.cursor));
    expect(keysOf(pages).sort()).toEqual(allDossierCodes(sim));
    // 240 rows in windows of at most 60: at least four windows with rows.
    expect(windows.size).toBeGreaterThanOrEqual(4);
    for (const page of pages) expect(page.items.length).toBeLessThanOrEqual(40);
  });
});
