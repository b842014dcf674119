import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log';
import { confirmDeletions } from '../../src/sync/confirm';
import { RunOverlapError } from '../../src/sync/ledger';
import { runSync } from '../../src/sync/runner';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { type ScriptedUpstream, scriptedConnector, sectors } from './scripted-connector';

const log = createLogger('silent');
const settings = { abandonAfterMs: 60_000, deleteGuardPercent: 20 };

describe('sync engine', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());
  beforeEach(() => db.truncate());

  const sync = (up: ScriptedUpstream, full = false) =>
    runSync({ orm: db.orm, log, settings, connector: scriptedConnector(up) }, { trigger: 'CLI', full });

  async function alive(): Promise<string[]> {
    const rows = await db.orm.em
      .fork()
      .execute(`select code from national_sector where deleted_at is null order by code`);
    return rows.map((r) => r.code);
  }

  it('writes nothing the second time when nothing changed, and moves the cursor', async () => {
    const up: ScriptedUpstream = { sectors: sectors(10), reads: [] };
    const first = await sync(up);
    expect(first.status).toBe('SUCCEEDED');
    expect(first.counts).toMatchObject({ inserted: 10, updated: 0, fetched: 10, pages: 4 });
    const second = await sync(up);
    expect(second.counts).toMatchObject({ inserted: 0, updated: 0, unchanged: 10 });
    expect(second.cursorBefore.sectors).toBe('c0010');
    const rows = await db.orm.em
      .fork()
      .execute(`select inserted, updated, cursor_after from sync_run order by id`);
    expect(rows.map((r) => [r.inserted, r.updated])).toEqual([
      [10, 0],
      [0, 0],
    ]);
  });

  it('updates exactly the records that changed', async () => {
    const up: ScriptedUpstream = { sectors: sectors(6), reads: [] };
    await sync(up);
    up.sectors[2] = { ...up.sectors[2]!, name: 'Lĩnh vực đổi tên' };
    const r = await sync(up);
    expect(r.counts).toMatchObject({ inserted: 0, updated: 1, unchanged: 5 });
    expect(r.changedStreams).toEqual(['sectors']);
  });

  it('tombstones exactly what a complete full walk no longer sees, never deleting rows', async () => {
    const up: ScriptedUpstream = { sectors: sectors(10), reads: [] };
    await sync(up, true);
    up.sectors = up.sectors.filter((s) => s.code !== 'S004');
    const r = await sync(up, true);
    expect(r.status).toBe('SUCCEEDED');
    expect(r.counts.deleted).toBe(1);
    expect(await alive()).not.toContain('S004');
    const [gone] = await db.orm.em
      .fork()
      .execute(`select deleted_at from national_sector where code = 'S004'`);
    expect(gone?.deleted_at).not.toBeNull();
    // It comes back: the tombstone lifts.
    up.sectors = sectors(10);
    const back = await sync(up, true);
    expect(back.counts.updated).toBe(1);
    expect(await alive()).toHaveLength(10);
  });

  it('deletes nothing after a partial walk, and the next run resumes where it stopped', async () => {
    const up: ScriptedUpstream = { sectors: sectors(12), reads: [] };
    await sync(up, true);
    up.sectors = sectors(12).filter((s) => s.code !== 'S001');
    up.failAtPage = 2;
    const failed = await sync(up, true);
    expect(failed.status).toBe('FAILED');
    expect(failed.counts.deleted).toBe(0);
    expect(await alive()).toHaveLength(12);

    up.failAtPage = null;
    up.reads = [];
    const resumed = await sync(up, false);
    expect(up.reads).toEqual(['6']); // two pages of 3 were committed before the failure
    expect(resumed.resumedFrom).toBe(failed.id);
    expect(resumed.mode).toBe('FULL');
    expect(resumed.status).toBe('SUCCEEDED');
    expect(resumed.counts.deleted).toBe(1); // the seen keys of the first half still count
    expect(await alive()).not.toContain('S001');
  });

  it('holds a sudden 90% drop for confirmation, then applies it when confirmed', async () => {
    const up: ScriptedUpstream = { sectors: sectors(20), reads: [] };
    await sync(up, true);
    up.sectors = up.sectors.slice(0, 2);
    const held = await sync(up, true);
    expect(held.status).toBe('HELD');
    expect(held.heldDeletions).toBe(18);
    expect(await alive()).toHaveLength(20);

    const { deleted } = await confirmDeletions(db.orm, held.id, 'auditor');
    expect(deleted).toBe(18);
    expect(await alive()).toHaveLength(2);
    const [run] = await db.orm.em
      .fork()
      .execute(`select status, deleted from sync_run where id = ?`, [held.id]);
    expect(run).toMatchObject({ status: 'SUCCEEDED', deleted: 18 });
    await expect(confirmDeletions(db.orm, held.id, 'auditor')).rejects.toThrow(/not HELD/);
  });

  it('quarantines bad records with their reason and still stores the good ones of the page', async () => {
    const up: ScriptedUpstream = {
      sectors: sectors(3),
      rejected: [
        {
          externalKey: 'BAD-1',
          field: 'TENLINHVUC',
          reason: 'expected a string',
          raw: { MALINHVUC: 'BAD-1' },
        },
      ],
      reads: [],
    };
    const r = await sync(up);
    expect(r.counts).toMatchObject({ inserted: 3, quarantined: 1, fetched: 4 });
    const q = await db.orm.em
      .fork()
      .execute(`select source, stream, external_key, field, reason, raw from quarantined_record`);
    expect(q).toEqual([
      {
        source: 'NATIONAL',
        stream: 'sectors',
        external_key: 'BAD-1',
        field: 'TENLINHVUC',
        reason: 'expected a string',
        raw: { MALINHVUC: 'BAD-1' },
      },
    ]);
    // Seen again: one entry, counted twice.
    await sync(up);
    const [again] = await db.orm.em
      .fork()
      .execute(`select count(*)::int as n, max(times_seen) as seen from quarantined_record`);
    expect(again).toEqual({ n: 1, seen: 2 });
  });

  it('does not tombstone a record that upstream still sends, only in a shape it rejects', async () => {
    const up: ScriptedUpstream = { sectors: sectors(5), reads: [] };
    await sync(up, true);
    up.sectors = up.sectors.filter((s) => s.code !== 'S002');
    up.rejected = [{ externalKey: 'S002', field: 'TENLINHVUC', reason: 'expected a string', raw: {} }];
    const r = await sync(up, true);
    expect(r.counts).toMatchObject({ deleted: 0, quarantined: 1 });
    expect(await alive()).toContain('S002');
  });

  it('never runs the same source twice at once', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const slow = scriptedConnector({ sectors: sectors(3), reads: [] });
    const inner = slow.streams[0]!;
    slow.streams[0] = {
      name: inner.name,
      async *read(o) {
        await gate;
        yield* inner.read(o);
      },
    };
    const first = runSync({ orm: db.orm, log, settings, connector: slow }, { trigger: 'CLI' });
    await new Promise((r) => setTimeout(r, 200));
    await expect(sync({ sectors: sectors(3), reads: [] })).rejects.toBeInstanceOf(RunOverlapError);
    release();
    expect((await first).status).toBe('SUCCEEDED');
  });

  it('marks a run whose process died as ABANDONED and takes its walk over', async () => {
    const up: ScriptedUpstream = { sectors: sectors(9), reads: [], failAtPage: 1 };
    const broken = await sync(up, true);
    // Pretend the process died mid-run: the row stays RUNNING with an old heartbeat.
    await db.orm.em
      .fork()
      .execute(
        `update sync_run set status = 'RUNNING', finished_at = null, heartbeat_at = now() - interval '1 hour' where id = ?`,
        [broken.id],
      );
    up.failAtPage = null;
    up.reads = [];
    const next = await runSync(
      { orm: db.orm, log, settings: { ...settings, abandonAfterMs: 1000 }, connector: scriptedConnector(up) },
      { trigger: 'SCHEDULE' },
    );
    expect(next.status).toBe('SUCCEEDED');
    expect(next.resumedFrom).toBe(broken.id);
    expect(up.reads).toEqual(['3']);
    const [old] = await db.orm.em.fork().execute(`select status from sync_run where id = ?`, [broken.id]);
    expect(old?.status).toBe('ABANDONED');
  });
});
