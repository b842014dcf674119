import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BAD_RECORD_KINDS,
  DOSSIER_BAD_KINDS,
  type IgateSimulator,
  type PlantedBadRecord,
} from '../../../connectors/sim/igate/simulator';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { startSmallSim } from './support';
import { syncIgate } from './sync-support';

describe('bad iGate records (upstream-apis.md "Bad input")', () => {
  let db: TestDatabase;
  let sim: IgateSimulator;
  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await startSmallSim();
  });
  afterAll(async () => {
    await sim.close();
    await db.drop();
  });

  it('are quarantined with source, field and reason; the valid records of the same pages are stored and counted', async () => {
    const planted: PlantedBadRecord[] = [
      ...BAD_RECORD_KINDS.map((kind) => sim.injectBadRecord('listings', kind)),
      ...DOSSIER_BAD_KINDS.map((kind, i) => sim.injectBadRecord('dossiers', kind, 100 + 2 * i)),
    ];
    const run = await syncIgate(db, sim);
    expect(run.status).toBe('SUCCEEDED');
    expect(run.counts.quarantined).toBe(planted.length);

    const rows = await db.orm.em.fork().execute<
      {
        source: string;
        stream: string;
        external_key: string | null;
        field: string;
        reason: string;
        raw: unknown;
      }[]
    >(
      `select source, stream, external_key, field, reason, raw from quarantined_record order by stream, field`,
    );
    const seen = rows.map((r) => [r.source, r.stream, r.external_key, r.field]);
    const expected = planted.map((p) => [
      'IGATE',
      p.stream,
      p.kind === 'missing_key' ? null : p.code,
      p.field,
    ]);
    expect(seen.sort()).toEqual(expected.sort());
    for (const row of rows) expect(row.reason.length).toBeGreaterThan(3);

    const [listings] = await db.orm.em
      .fork()
      .execute<{ n: string }[]>(`select count(*) as n from provincial_listing`);
    expect(Number(listings?.n)).toBe(sim.listingCodes().length - BAD_RECORD_KINDS.length);
    const stored = await db.orm.em.fork().execute<{ code: string }[]>(`select code from dossier`);
    expect(stored).toHaveLength(sim.dossierCount() - DOSSIER_BAD_KINDS.length);
    const codes = new Set(stored.map((r) => r.code));
    // Every neighbour of a bad dossier (same page) is there.
    for (const i of [99, 101, 103, 105, 107]) expect(codes.has(String(sim.rawDossier(i).code))).toBe(true);
    expect(run.counts.inserted).toBe(stored.length + Number(listings?.n) + sim.world.agencies.length);

    // Quarantined payloads are redacted like stored ones.
    const dossierRows = rows.filter((r) => r.stream === 'dossiers');
    const id = (sim.rawDossier(102) as { applicant: { data: { identityNumber: string } } }).applicant.data
      .identityNumber;
    expect(JSON.stringify(dossierRows)).not.toContain(id);
    expect(JSON.stringify(dossierRows)).toContain(`********${id.slice(-4)}`);
  });
});
