import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../connectors/kit/errors';
import { toFeedback } from '../../../connectors/pakn/map';
import { decodePosition } from '../../../connectors/pakn/windows';
import { keysOf, type PaknSetup, readAll, startPakn, TODAY } from './support';

/** The `feedbacks` stream's day windows against the §3 simulator: coverage, cursor, resume, movement. */

let setup: PaknSetup | undefined;
afterEach(async () => {
  await setup?.close();
  setup = undefined;
});

/** What the portal holds now, as the connector maps it: key → mapped row (ISO dates). */
function truth(s: PaknSetup): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const raw of s.sim.items()) {
    const r = toFeedback(raw);
    if (r.ok) out.set(r.record.code, JSON.parse(JSON.stringify(r.record)));
  }
  return out;
}

/** The last version the walk yielded of each key. */
function lastVersions(pages: Awaited<ReturnType<typeof readAll>>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const p of pages) for (const i of p.items) out.set(i.key, JSON.parse(JSON.stringify(i.row)));
  return out;
}

describe('feedbacks walk', () => {
  it('reads every item exactly once and ends with today as the cursor', async () => {
    setup = await startPakn();
    const pages = await readAll(setup.connector);
    const keys = keysOf(pages);
    expect(keys).toHaveLength(60);
    expect(new Set(keys).size).toBe(60);
    expect(lastVersions(pages)).toEqual(truth(setup));
    expect(pages.at(-1)?.cursor).toBe(TODAY);
    expect(setup.warnings).toEqual([]);
    // Every page is at most soBanGhi rows; the checkpoint of the last page is past today.
    expect(Math.max(...pages.map((p) => p.items.length))).toBeLessThanOrEqual(5);
    expect(decodePosition(pages.at(-1)?.checkpoint ?? null)?.from).toBe('2021-01-16');
  });

  it('moves the cursor only over fully read days', async () => {
    setup = await startPakn();
    const pages = await readAll(setup.connector);
    const cursors = pages.map((p) => p.cursor);
    // Non-decreasing, and every cursor day is the end of a window that was read to its end.
    for (let i = 1; i < cursors.length; i++) expect((cursors[i] ?? '') >= (cursors[i - 1] ?? '')).toBe(true);
    for (const p of pages) {
      const next = decodePosition(p.checkpoint);
      if (next && next.page > 1) expect(p.cursor === null || p.cursor < next.from).toBe(true);
    }
  });

  it('reads incrementally from the cursor day (inclusive) and sees an item updated since', async () => {
    setup = await startPakn();
    const first = await readAll(setup.connector);
    const again = await readAll(setup.connector, { full: false, cursor: first.at(-1)?.cursor ?? null });
    expect(keysOf(again)).toEqual([]);
    const touched = setup.sim.touch(3);
    const added = setup.sim.add();
    const third = await readAll(setup.connector, { full: false, cursor: TODAY });
    expect(keysOf(third).sort()).toEqual([touched, added].sort());
    // A past cursor day is read again, whole.
    const fromPast = await readAll(setup.connector, { full: false, cursor: '2020-03-20' });
    const expected = [...setup.sim.items()]
      .filter((raw) => {
        const [d, m, y] = String(raw.ngayCapNhat).slice(0, 10).split('/');
        return `${y}-${m}-${d}` >= '2020-03-20';
      })
      .map((raw) => String(raw.maPAKN));
    expect(keysOf(fromPast).sort()).toEqual(expected.sort());
  });

  it('resumes a killed walk at the window and page where it stopped', async () => {
    setup = await startPakn();
    const { stats } = setup.sim;
    await readAll(setup.connector);
    const whole = stats.requests;
    const head = await readAll(setup.connector, {}, 4);
    const at = decodePosition(head.at(-1)?.checkpoint ?? null);
    expect(at?.page).toBeGreaterThan(1);
    const rest = await readAll(setup.connector, { resumeFrom: head.at(-1)?.checkpoint ?? null });
    const keys = [...keysOf(head), ...keysOf(rest)];
    expect(keys.sort()).toEqual([...truth(setup).keys()].sort());
    expect(new Set(keys).size).toBe(keys.length);
    // Nothing before the checkpoint is fetched again (the break may have fetched one page ahead).
    expect(stats.requests - whole).toBeLessThanOrEqual(whole + 1);
    // A finished walk's checkpoint resumes to nothing more today.
    const done = await readAll(setup.connector, { resumeFrom: rest.at(-1)?.checkpoint ?? null });
    expect(keysOf(done)).toEqual([]);
  });

  it('halves a crowded window down to fewer rows than the limit', async () => {
    setup = await startPakn({ feedbacks: 120 }, { windowDays: 64, maxWindowRows: 12, pageSize: 4 });
    const pages = await readAll(setup.connector);
    expect(new Set(keysOf(pages)).size).toBe(120);
    const spans = pages.map((p) => decodePosition(p.checkpoint)).filter((p) => p !== null && p.page > 1);
    expect(spans.length).toBeGreaterThan(0);
    for (const p of spans) {
      expect(p?.span).toBeLessThan(64);
      expect((p?.total ?? 0) <= 12 || p?.from === p?.to).toBe(true);
    }
  });

  it('yields a record served on two pages once, and re-reads the window in case a row was skipped', async () => {
    setup = await startPakn();
    setup.sim.faults.enqueue('duplicate', { times: 2 });
    const pages = await readAll(setup.connector);
    const keys = keysOf(pages);
    expect(setup.sim.stats.faults.duplicate).toBe(2);
    expect(new Set(keys).size).toBe(keys.length);
    expect(lastVersions(pages)).toEqual(truth(setup));
    expect(setup.warnings.filter((w) => w.event === 'pakn_window_reread').length).toBeGreaterThanOrEqual(1);
  });

  it('misses nothing when rows move or arrive while a window is paged', async () => {
    setup = await startPakn({}, { pageSize: 4 });
    setup.sim.faults.enqueue('shift', { times: 8 });
    const pages = await readAll(setup.connector);
    expect(setup.sim.stats.faults.shift).toBe(8);
    const final = truth(setup);
    expect(final.size).toBeGreaterThan(60);
    expect(lastVersions(pages)).toEqual(final);
    // A re-read window yields only what changed: no key twice in one window's pages.
    const perPage = pages.map((p) => p.items.map((i) => i.key));
    for (const keys of perPage) expect(new Set(keys).size).toBe(keys.length);
  });

  it('fails a past window whose rows keep moving, after the last committed page', async () => {
    // Busy days (several pages each) so a one-day window still has a second page to disturb.
    setup = await startPakn({ feedbacks: 400 }, { maxPasses: 2, pageSize: 2 });
    setup.sim.faults.enqueue('duplicate', { times: 500 });
    const stream = setup.connector.streams[0];
    const seen: string[] = [];
    let failure: unknown = null;
    try {
      for await (const page of stream?.read({ full: true, cursor: null, resumeFrom: null }) ?? []) {
        seen.push(page.checkpoint ?? '');
      }
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ConnectorError);
    expect(failure).toMatchObject({ code: 'pakn_window_unstable' });
    // The last yielded checkpoint sends a resumed run back to the start of that window.
    expect(decodePosition(seen.at(-1) ?? null)).toMatchObject({ page: 1 });
  });

  it('accepts an unquiet today in an incremental run without moving the cursor past it', async () => {
    setup = await startPakn({}, { maxPasses: 2 });
    for (let i = 0; i < 12; i++) setup.sim.add();
    setup.sim.faults.enqueue('duplicate', { times: 50 });
    const pages = await readAll(setup.connector, { full: false, cursor: '2021-01-14' });
    expect(new Set(keysOf(pages)).size).toBe(12);
    expect(pages.at(-1)?.cursor).toBe('2021-01-14');
  });

  it('quarantines each kind of bad record with its field, keeping the valid items of the page', async () => {
    setup = await startPakn({ badRecords: 7 });
    const planted = setup.sim.badRecords();
    expect(planted.size).toBe(7);
    const pages = await readAll(setup.connector);
    const rejected = pages.flatMap((p) => p.rejected);
    expect(rejected).toHaveLength(7);
    expect(keysOf(pages)).toHaveLength(53);
    const fields = new Set(rejected.map((r) => r.field));
    expect(fields).toEqual(
      new Set([
        'maPAKN',
        'ngayGui',
        'lichSu[0].thoiGian',
        'trangThai',
        'phanLoai',
        'luotThich',
        'luotKhongThich',
      ]),
    );
    for (const r of rejected) {
      const sender = (r.raw as { nguoiGui?: { hoTen?: string } | null }).nguoiGui;
      if (sender?.hoTen) expect(sender.hoTen).toContain('*');
      if (r.field !== 'maPAKN') expect(planted.get(r.externalKey ?? '')).toBeDefined();
    }
    expect(rejected.find((r) => r.field === 'maPAKN')?.externalKey).toBeNull();
  });
});
