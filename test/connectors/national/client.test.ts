import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../connectors/kit/errors';
import type { Connector, Page, ReadOptions } from '../../../connectors/kit/types';
import { createNationalConnector, type NationalConfig } from '../../../connectors/national';
import { FAULT_KINDS } from '../../../connectors/sim/kit/faults';
import { type NationalSimulator, startNationalSimulator } from '../../../connectors/sim/national/simulator';
import type { NationalProcedureRecord } from '../../../src/domain/model';

/** The connector against the §1 simulator over real HTTP, with and without its faults. */

/** Fault seeds; `FAULT_SEEDS=1,2,3 npx vitest run …` tries more. */
const SEEDS = (process.env.FAULT_SEEDS ?? '11,12').split(',').map(Number);
let sim: NationalSimulator | undefined;
let connector: Connector | undefined;
afterEach(async () => {
  await connector?.close?.();
  await sim?.close();
  connector = undefined;
});

async function setup(
  simOptions: Parameters<typeof startNationalSimulator>[0] = {},
  config: Partial<NationalConfig> = {},
) {
  sim = await startNationalSimulator({ seed: 7, procedures: 60, port: 0, faults: {}, ...simOptions });
  const warnings: Array<Record<string, unknown>> = [];
  connector = createNationalConnector(
    {
      url: sim.url,
      username: 'hub',
      password: 'hub-secret',
      unitCode: 'H21',
      listPageSize: 20,
      baseDelayMs: 5,
      maxDelayMs: 40,
      maxRetries: 8,
      timeoutMs: 2_000,
      ...config,
    },
    { logger: { warn: (obj) => warnings.push(obj) } },
  );
  return { sim, connector, warnings };
}

async function readStream(c: Connector, name: string, options: Partial<ReadOptions> = {}) {
  const stream = c.streams.find((s) => s.name === name);
  if (!stream) throw new Error(`no stream ${name}`);
  const pages: Page<unknown>[] = [];
  for await (const page of stream.read({ full: true, cursor: null, resumeFrom: null, ...options }))
    pages.push(page);
  return pages;
}

const keys = (pages: Page<unknown>[]): Set<string> =>
  new Set(pages.flatMap((p) => p.items.map((i) => i.key)));
const simCodes = (s: NationalSimulator): Set<string> => new Set(s.catalogue.sorted().map((e) => e.code));

describe('national connector against the simulator', () => {
  it('reads every sector, agency and procedure the simulator serves', async () => {
    const { sim, connector } = await setup();
    const sectors = await readStream(connector, 'sectors');
    const agencies = await readStream(connector, 'agencies');
    expect(keys(sectors).size).toBe(sim.world.sectors.length);
    expect(keys(agencies).size).toBe(sim.world.agencies.length);
    expect(sectors[0]?.rejected).toEqual([]);
    expect(agencies[0]?.rejected).toEqual([]);

    const pages = await readStream(connector, 'procedures');
    expect(pages.every((p) => p.rejected.length === 0)).toBe(true);
    expect(keys(pages)).toEqual(simCodes(sim));
    expect(pages).toHaveLength(3);
    const rows = pages.flatMap((p) => p.items.map((i) => i.row as NationalProcedureRecord));
    expect(rows.every((r) => r.name === r.name.normalize('NFC') && r.name === r.name.trim())).toBe(true);
    expect(rows.flatMap((r) => r.issues)).toEqual([]);
    expect(sim.stats.byService.LayQDCB).toBe(new Set(rows.map((r) => r.decision?.id)).size);
    expect(sim.stats.peakInFlight).toBeLessThanOrEqual(10);
  });

  it.each(SEEDS)('reads them all through every injected fault (seed %i)', async (seed) => {
    const { sim, connector, warnings } = await setup(
      { faults: { rate: 0.25, seed, retryAfterSeconds: 0, slowMs: 400 } },
      { timeoutMs: 200, listPageSize: 5 },
    );
    // Every kind at least once, one more after each page (so no call meets them all in a row), plus the random ones.
    const stream = connector.streams.find((st) => st.name === 'procedures')!;
    const forced = [...FAULT_KINDS];
    const pages: Page<unknown>[] = [];
    for await (const page of stream.read({ full: true, cursor: null, resumeFrom: null })) {
      pages.push(page);
      const kind = forced.shift();
      if (kind) sim.faults.enqueue(kind);
    }
    expect(forced).toEqual([]);
    expect(keys(pages)).toEqual(simCodes(sim));
    expect(sim.faults.pending).toBe(0);
    expect(Object.values(sim.faults.counts).every((n) => n > 0)).toBe(true);
    expect(connector.stats.throttled).toBeGreaterThan(0);
    const retries = warnings.filter((w) => w.event === 'upstream_retry');
    expect(retries.length).toBe(connector.stats.retries);
    expect(retries.length).toBeGreaterThanOrEqual(FAULT_KINDS.length - 2); // duplicate and shift need no retry
    expect(JSON.stringify(warnings)).not.toContain('hub-secret');
  });

  it('quarantines planted bad records with their field, keeps a record with an unknown unit', async () => {
    const { sim, connector } = await setup({ badRecords: 6 });
    const pages = await readStream(connector, 'procedures');
    const rejected = pages.flatMap((p) => p.rejected);
    const bad = new Map([...sim.badRecords].map(([code, kind]) => [kind, code]));
    expect(rejected.map((r) => [r.externalKey, r.field]).sort()).toEqual(
      [
        [null, 'MATTHC'],
        [bad.get('bad_date'), 'NGAYCAPNHAT'],
        [bad.get('unknown_channel'), 'CACHTHUCTHUCHIEN[0].KENH'],
        [bad.get('negative_money'), 'CACHTHUCTHUCHIEN[0].PHILEPHI[0].SOTIEN'],
        [bad.get('wrong_type'), 'CAPTHUCHIEN'],
      ].sort(),
    );
    const unknownUnit = pages.flatMap((p) => p.items).find((i) => i.key === bad.get('unknown_unit'));
    expect((unknownUnit?.row as NationalProcedureRecord).issues).toMatchObject([
      { field: 'CACHTHUCTHUCHIEN[0].THOIGIAN[0].DONVITINH', value: 'Tuần' },
    ]);
    expect(keys(pages).size + rejected.length).toBe(simCodes(sim).size);
  });

  it('reads only what changed since the cursor, and survives sessions expiring mid-walk', async () => {
    const { sim, connector } = await setup();
    const stream = connector.streams.find((s) => s.name === 'procedures')!;
    const full: Page<unknown>[] = [];
    for await (const page of stream.read({ full: true, cursor: null, resumeFrom: null })) {
      full.push(page);
      sim.expireSessions();
    }
    expect(keys(full)).toEqual(simCodes(sim));
    const cursor = full.at(-1)?.cursor ?? null;
    expect(cursor).toMatch(/^\d{14}$/);

    const [first, second] = [...simCodes(sim)].slice(0, 2) as [string, string];
    sim.touch(first);
    sim.abolish(second);
    const changed = await readStream(connector, 'procedures', { full: false, cursor });
    const changedKeys = keys(changed);
    expect([...changedKeys]).toEqual(expect.arrayContaining([first, second]));
    expect(changedKeys.size).toBeLessThanOrEqual(3); // plus the row that set the cursor (tungay is inclusive)
    const abolished = changed.flatMap((p) => p.items).find((i) => i.key === second)
      ?.row as NationalProcedureRecord;
    expect(abolished.inForce).toBe(false);
    expect(abolished.abolishedAt).toBeInstanceOf(Date);
    expect((changed.at(-1)?.cursor ?? '') > (cursor ?? '')).toBe(true);
  });

  it('reports wrong credentials as a configuration error', async () => {
    const { connector } = await setup({}, { password: 'not-the-password' });
    const error = await readStream(connector, 'sectors').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).not.toContain('not-the-password');
  });
});
