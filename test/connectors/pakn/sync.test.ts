import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { testConfig, testServices } from '../../support/hub';
import { syncer, withSim } from './sync-support';

/** Real syncs of the PAKN connector into a real database: counts, idempotency, quarantine, resume, the hub's wiring. */

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());
beforeEach(() => db.truncate());

const { sync, stored, cleanSnapshot } = syncer(() => db);

describe('PAKN sync', () => {
  it('stores every feedback item, then a second run writes nothing', async () => {
    await withSim(async (s) => {
      const first = await sync(s.connector, { full: true });
      expect(first).toMatchObject({
        status: 'SUCCEEDED',
        counts: { inserted: 60, updated: 0, quarantined: 0 },
      });
      expect(first.cursorAfter).toEqual({ feedbacks: '2021-01-15' });
      expect(await stored()).toHaveLength(60);

      const incremental = await sync(s.connector);
      expect(incremental).toMatchObject({ status: 'SUCCEEDED', mode: 'INCREMENTAL' });
      expect(incremental.counts).toMatchObject({ inserted: 0, updated: 0 });

      const full = await sync(s.connector, { full: true });
      expect(full.counts).toMatchObject({ inserted: 0, updated: 0, unchanged: 60, deleted: 0 });

      // An item updated upstream is one update on the next incremental run.
      s.sim.touch(5);
      const after = await sync(s.connector);
      expect(after.counts).toMatchObject({ inserted: 0, updated: 1 });

      // An item the portal no longer serves is tombstoned by the next full walk, not before.
      s.sim.remove(7);
      expect((await sync(s.connector)).counts.deleted).toBe(0);
      const walk = await sync(s.connector, { full: true });
      expect(walk.counts).toMatchObject({ deleted: 1, inserted: 0, updated: 0 });
      expect(await stored()).toHaveLength(59);
    });
  });

  it('keeps the sender in its columns and only a redacted raw payload', async () => {
    await withSim(async (s) => {
      await sync(s.connector, { full: true });
      const rows = await db.orm.em
        .fork()
        .execute<Array<{ sender_name: string | null; raw: { nguoiGui: { hoTen: string } | null } }>>(
          `select sender_name, raw from feedback where sender_name is not null`,
        );
      expect(rows.length).toBeGreaterThan(40);
      for (const r of rows) {
        expect(r.sender_name).not.toContain('*');
        expect(r.raw.nguoiGui?.hoTen).toContain('*');
        expect(JSON.stringify(r.raw)).not.toContain(r.sender_name as string);
      }
    });
  });

  it('quarantines each kind of bad record with source, field and reason, and stores the valid items', async () => {
    await withSim(
      async (s) => {
        const summary = await sync(s.connector, { full: true });
        expect(summary.status).toBe('SUCCEEDED');
        expect(summary.counts).toMatchObject({ fetched: 60, inserted: 53, quarantined: 7 });
        expect(await stored()).toHaveLength(53);
        const rows = await db.orm.em.fork().execute<
          Array<{
            source: string;
            stream: string;
            field: string;
            reason: string;
            external_key: string | null;
            raw: unknown;
          }>
        >(`select source, stream, field, reason, external_key, raw from quarantined_record order by field`);
        expect(rows.map((r) => r.field)).toEqual([
          'lichSu[0].thoiGian',
          'luotKhongThich',
          'luotThich',
          'maPAKN',
          'ngayGui',
          'phanLoai',
          'trangThai',
        ]);
        for (const r of rows) {
          expect(r).toMatchObject({ source: 'PAKN', stream: 'feedbacks' });
          expect(r.reason.length).toBeGreaterThan(3);
          const sender = (r.raw as { nguoiGui: { hoTen?: string } | null }).nguoiGui;
          if (sender?.hoTen) expect(sender.hoTen).toContain('*');
        }
        // Seen again on the next run: counted, not duplicated.
        await sync(s.connector, { full: true });
        const [count] = await db.orm.em
          .fork()
          .execute<Array<{ n: string }>>(`select count(*) as n from quarantined_record`);
        expect(Number(count?.n)).toBe(7);
      },
      { badRecords: 7 },
    );
  });

  it('resumes a killed run where it stopped and ends with what a clean run stores', async () => {
    await withSim(async (s) => {
      const controller = new AbortController();
      let pages = 0;
      const killed = await sync(s.connector, {
        full: true,
        signal: controller.signal,
        onProgress: () => {
          if (++pages === 4) controller.abort();
        },
      });
      expect(killed.status).toBe('ABANDONED');
      const partial = (await stored()).length;
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(60);
      const resumed = await sync(s.connector, { full: true });
      expect(resumed).toMatchObject({ status: 'SUCCEEDED', resumedFrom: killed.id });
      expect(resumed.counts.inserted).toBe(60 - partial);
      const result = await stored();
      expect(result).toEqual(await cleanSnapshot(s));
    });
  });

  it('runs through the hub: PAKN is registered with its writer', async () => {
    await withSim(async (s) => {
      const services = testServices(db, testConfig({ PAKN_URL: s.sim.url, PAKN_API_KEY: 'hub-secret' }));
      const summary = await services.sync.run('PAKN', { trigger: 'CLI', full: true });
      expect(summary).toMatchObject({ source: 'PAKN', status: 'SUCCEEDED', counts: { inserted: 60 } });
    });
  });

  it('stops at once on a refused key, naming PAKN_API_KEY', async () => {
    await withSim(async (s) => {
      const services = testServices(db, testConfig({ PAKN_URL: s.sim.url, PAKN_API_KEY: 'wrong-key' }));
      const summary = await services.sync.run('PAKN', { trigger: 'CLI', full: true });
      expect(summary).toMatchObject({ status: 'FAILED', errorCode: 'pakn_bad_api_key' });
      expect(summary.errorMessage).toContain('PAKN_API_KEY');
      expect(summary.errorMessage).not.toContain('wrong-key');
      expect(s.sim.stats.requests).toBe(1);
    });
  });
});
