import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IgateSimulator } from '../../../connectors/sim/igate/simulator';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { SALT, smallWorld, startSmallSim } from './support';
import { memoryLogger, syncIgate } from './sync-support';

describe('iGate sync into the database (agencies, listings, dossiers)', () => {
  let db: TestDatabase;
  let sim: IgateSimulator;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());
  beforeEach(async () => {
    await db.truncate();
    sim = await startSmallSim();
  });
  afterEach(() => sim.close());

  const query = <T>(sql: string, params: unknown[] = []) => db.orm.em.fork().execute<T[]>(sql, params);

  it('stores the three streams in order, with agency parents and national codes resolved', async () => {
    const { log, lines } = memoryLogger();
    const run = await syncIgate(db, sim, { log });
    expect(run.status).toBe('SUCCEEDED');
    expect(run.streams.map((s) => s.stream)).toEqual(['agencies', 'listings', 'dossiers']);
    const world = smallWorld();
    const listings = sim.listingCodes().length;
    expect(run.counts).toMatchObject({
      inserted: world.agencies.length + listings + 240,
      updated: 0,
      quarantined: 0,
    });

    const [commune] = await query<{ parent_code: string; level: string }>(
      `select parent_code, level from igate_agency where code = ?`,
      [world.agencies.find((a) => a.level === 'COMMUNE')?.code],
    );
    expect(commune?.level).toBe('COMMUNE');
    expect(world.agency(commune?.parent_code ?? '')?.kind).toBe('DISTRICT_COMMITTEE');

    const trap = sim.manifest().traps.find((t) => t.trap === 'NULL_NATION_CODE');
    const [listing] = await query<{ national_code: string; national_code_inferred: boolean }>(
      `select national_code, national_code_inferred from provincial_listing where code = ?`,
      [trap?.subjectCode],
    );
    expect(listing).toEqual({ national_code: trap?.nationalCode, national_code_inferred: true });

    // Personal data: the identity number is only a salted hash and its last 4 digits.
    const raw = sim.rawDossier(3) as {
      code: string;
      applicant: { data: { identityNumber: string; fullname: string } };
    };
    const [dossier] = await query<Record<string, unknown>>(`select * from dossier where code = ?`, [
      raw.code,
    ]);
    const id = raw.applicant.data.identityNumber;
    expect(dossier?.identity_last4).toBe(id.slice(-4));
    expect(dossier?.identity_hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(dossier?.applicant_name).toBe(raw.applicant.data.fullname);
    const stored = JSON.stringify(await query(`select * from dossier`));
    expect(stored).not.toContain(id);
    expect(JSON.stringify(dossier?.raw)).not.toContain(raw.applicant.data.fullname);
    expect(SALT).not.toBe('');
    // Nothing personal in the logs.
    expect(lines.join('')).not.toContain(id);
    expect(lines.join('')).not.toContain(raw.applicant.data.fullname);
  });

  it('writes nothing on a second run, incremental or full', async () => {
    await syncIgate(db, sim);
    const incremental = await syncIgate(db, sim, { full: false });
    expect(incremental.status).toBe('SUCCEEDED');
    expect(incremental.counts).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    const full = await syncIgate(db, sim, { full: true });
    expect(full.counts).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    expect(full.counts.unchanged).toBeGreaterThan(240);
  });

  it('picks up exactly the changed dossier and listing on the next incremental run', async () => {
    await syncIgate(db, sim);
    sim.bumpDossier(11);
    sim.addDossier();
    sim.bumpListing(sim.listingCodes()[4] as string);
    await new Promise((r) => setTimeout(r, 40));
    const next = await syncIgate(db, sim, { full: false });
    expect(next.counts).toMatchObject({ inserted: 1, updated: 2 });
    expect(next.cursorAfter.dossiers! > next.cursorBefore.dossiers!).toBe(true);
  });

  it('resumes a killed full walk at the dossier page where it stopped, and ends with every row', async () => {
    const stop = new AbortController();
    const killed = await syncIgate(db, sim, {
      run: {
        signal: stop.signal,
        onProgress: (p) => {
          if (p.stream === 'dossiers' && p.fetched >= 50) stop.abort();
        },
      },
    });
    expect(killed.status).toBe('ABANDONED');
    const [partial] = await query<{ n: string }>(`select count(*) as n from dossier`);
    expect(Number(partial?.n)).toBeGreaterThan(0);
    expect(Number(partial?.n)).toBeLessThan(240);
    const resumed = await syncIgate(db, sim, { full: false });
    expect(resumed.status).toBe('SUCCEEDED');
    expect(resumed.resumedFrom).toBe(killed.id);
    expect(resumed.counts.inserted).toBe(240 - Number(partial?.n));
    const [all] = await query<{ n: string }>(`select count(*) as n from dossier where deleted_at is null`);
    expect(Number(all?.n)).toBe(240);
    // Resumed, not restarted: no stored dossier was fetched again (agencies are always read whole).
    expect(resumed.counts.fetched).toBe(sim.world.agencies.length + 240 - Number(partial?.n));
  });
});
