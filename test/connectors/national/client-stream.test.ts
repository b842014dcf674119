import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connector, Page, ReadOptions } from '../../../connectors/kit/types';
import { createNationalConnector } from '../../../connectors/national';
import type { NationalProcedureRecord } from '../../../src/domain/model';
import { type LocalServer, sendJson, startServer } from '../kit/local-server';

const template = (
  JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/national/layThuTuc-full.json'), 'utf8')) as {
    result: Array<Record<string, unknown>>;
  }
).result[0] as Record<string, unknown>;

interface Row {
  code: string;
  stamp: string;
  decision: string;
  /** Overrides of the LayThuTuc record (bad data). */
  patch?: Record<string, unknown>;
  gone?: boolean;
}

const stamp = (i: number): string =>
  `202001${String(10 + Math.floor(i / 24)).padStart(2, '0')}${String(i % 24).padStart(2, '0')}0000`;

/** §1 list and detail services over an in-memory table, with hooks to change it mid-walk. */
async function fakeNational(
  rows: Row[],
  hooks: { afterList?: (page: number) => void; detailDelayMs?: number } = {},
) {
  const state = {
    rows,
    lists: [] as Array<{ trang: unknown; tungay: unknown }>,
    details: 0,
    decisions: 0,
    inFlight: 0,
    maxInFlight: 0,
  };
  const server = await startServer((req, res, text) => {
    const body = JSON.parse(text) as Record<string, unknown>;
    if (req.url === '/api/session')
      return sendJson(res, 200, { error_code: 0, session: 's', expires_in: 1800 });
    const ok = (result: unknown, extra = {}) =>
      sendJson(res, 200, { error_code: 0, message: 'Thành công', result, ...extra });
    switch (body.service) {
      case 'LayDanhMucLinhVuc':
        return ok([{ MALINHVUC: 'G14-DU', TENLINHVUC: 'Dược phẩm', MANGANH: 'G14' }, { MALINHVUC: '' }]);
      case 'LayDanhMucCoQuan':
        return ok([{ MADONVI: '000.00.12.H21', TENDONVI: 'Sở Y tế', CAPDONVI: 1, MADONVICHA: null }]);
      case 'LayDanhSachTTHC': {
        state.lists.push({ trang: body.trang, tungay: body.tungay });
        const since = typeof body.tungay === 'string' ? body.tungay : '';
        const sorted = state.rows
          .filter((r) => r.stamp >= since)
          .sort((a, b) =>
            a.stamp === b.stamp ? a.code.localeCompare(b.code) : a.stamp.localeCompare(b.stamp),
          );
        const size = body.sobanghi as number;
        const page = body.trang as number;
        const items = sorted
          .slice((page - 1) * size, page * size)
          .map((r) =>
            r.code === ''
              ? { TENTTHC: 'x', NGAYCAPNHAT: r.stamp }
              : { MATTHC: r.code, NGAYCAPNHAT: r.stamp, TRANGTHAI: 1 },
          );
        ok(items, { tongso: sorted.length });
        hooks.afterList?.(page);
        return;
      }
      case 'LayThuTuc': {
        state.details += 1;
        state.inFlight += 1;
        state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
        setTimeout(() => {
          state.inFlight -= 1;
          const row = state.rows.find((r) => r.code === body.maTTHC);
          if (!row || row.gone) return sendJson(res, 200, { error_code: -2, message: 'Không tìm thấy' });
          ok([
            {
              ...template,
              MATTHC: row.code,
              NGAYCAPNHAT: row.stamp,
              IDQUYETDINHCONGBO: row.decision,
              ...row.patch,
            },
          ]);
        }, hooks.detailDelayMs ?? 0);
        return;
      }
      case 'LayQDCB':
        state.decisions += 1;
        return ok([
          { ID: body.idQDCB, SOQUYETDINH: `${body.idQDCB}/QĐ-BYT`, NGAYQUYETDINH: '20200110000000' },
        ]);
      default:
        return sendJson(res, 200, { error_code: -9, message: 'unknown service' });
    }
  });
  return { state, server };
}

const makeRows = (n: number): Row[] =>
  Array.from({ length: n }, (_, i) => ({
    code: `1.${String(i).padStart(6, '0')}`,
    stamp: stamp(i),
    decision: `qd-${i % 3}`,
  }));

let server: LocalServer | undefined;
let connector: Connector | undefined;
afterEach(async () => {
  await connector?.close?.();
  await server?.close();
});

async function setup(rows: Row[], hooks?: Parameters<typeof fakeNational>[1], listPageSize = 5) {
  const fake = await fakeNational(rows, hooks);
  server = fake.server;
  connector = createNationalConnector({
    url: fake.server.url,
    username: 'hub',
    password: 'p',
    unitCode: 'H21',
    listPageSize,
    baseDelayMs: 5,
    maxDelayMs: 20,
  });
  return { state: fake.state, connector };
}

async function readAll(connector: Connector, name: string, options: Partial<ReadOptions> = {}) {
  const stream = connector.streams.find((s) => s.name === name);
  if (!stream) throw new Error(`no stream ${name}`);
  const pages: Page<NationalProcedureRecord>[] = [];
  for await (const page of stream.read({ full: true, cursor: null, resumeFrom: null, ...options })) {
    pages.push(page as Page<NationalProcedureRecord>);
  }
  return pages;
}
const keysOf = (pages: Page<unknown>[]): string[] => pages.flatMap((p) => p.items.map((i) => i.key));

describe('national connector streams', () => {
  it('offers sectors, agencies and procedures in that order; catalogues are one page', async () => {
    const { connector } = await setup([]);
    expect(connector.streams.map((s) => s.name)).toEqual(['sectors', 'agencies', 'procedures']);
    const [sectors] = await readAll(connector, 'sectors');
    expect(sectors?.items.map((i) => i.key)).toEqual(['G14-DU']);
    expect(sectors?.rejected).toMatchObject([
      { externalKey: null, field: 'MALINHVUC', raw: { MALINHVUC: '' } },
    ]);
    expect((await readAll(connector, 'agencies'))[0]?.items[0]?.row).toEqual({
      code: '000.00.12.H21',
      name: 'Sở Y tế',
      level: 'PROVINCE',
      parentCode: null,
    });
  });

  it('walks every list page, one Page each, with checkpoint and high-water cursor', async () => {
    const { state, connector } = await setup(makeRows(12), { detailDelayMs: 5 });
    const pages = await readAll(connector, 'procedures');
    expect(pages.map((p) => p.items.length)).toEqual([5, 5, 2]);
    expect(keysOf(pages)).toEqual(makeRows(12).map((r) => r.code));
    expect(pages.map((p) => JSON.parse(p.checkpoint ?? 'null'))).toEqual([
      { page: 2, since: null, cursor: stamp(4) },
      { page: 3, since: null, cursor: stamp(9) },
      { page: 4, since: null, cursor: stamp(11) },
    ]);
    expect(pages[2]?.cursor).toBe(stamp(11));
    expect(pages[0]?.items[0]?.raw).toMatchObject({ MATTHC: '1.000000', TENTTHC: template.TENTTHC });
    expect(pages[0]?.items[0]?.row.decision).toMatchObject({ id: 'qd-0', number: 'qd-0/QĐ-BYT' });
    expect(state.decisions).toBe(3);
    // 3 list pages, then the verification pass reads the 3 again.
    expect(state.lists.map((l) => l.trang)).toEqual([1, 2, 3, 1, 2, 3]);
    expect(connector.stats.pages).toBe(6);
  });

  it('reads incrementally from the cursor and resumes a walk from its checkpoint', async () => {
    const { state, connector } = await setup(makeRows(12));
    const incremental = await readAll(connector, 'procedures', { full: false, cursor: stamp(5) });
    expect(keysOf(incremental)).toEqual(
      makeRows(12)
        .slice(5)
        .map((r) => r.code),
    );
    expect(state.lists[0]).toEqual({ trang: 1, tungay: stamp(5) });

    state.lists.length = 0;
    const checkpoint = JSON.stringify({ page: 2, since: stamp(2), cursor: stamp(6) });
    const resumed = await readAll(connector, 'procedures', {
      full: false,
      cursor: stamp(2),
      resumeFrom: checkpoint,
    });
    expect(keysOf(resumed)).toEqual(
      makeRows(12)
        .slice(7)
        .map((r) => r.code),
    );
    expect(state.lists).toEqual([
      { trang: 2, tungay: stamp(2) },
      { trang: 3, tungay: stamp(2) },
    ]);
  });

  it('rejects bad records with their raw payload, skips gone ones, and keeps the rest of the page', async () => {
    const rows = makeRows(5);
    rows[1]!.patch = { CACHTHUCTHUCHIEN: [{ KENH: 9, THOIGIAN: [] }] };
    rows[2]!.gone = true;
    rows[3]!.code = '';
    const { connector } = await setup(rows);
    const [page] = await readAll(connector, 'procedures');
    expect(page?.items.map((i) => i.key)).toEqual(['1.000000', '1.000004']);
    expect(page?.rejected).toEqual([
      {
        externalKey: null,
        field: 'MATTHC',
        reason: 'Required',
        raw: { TENTTHC: 'x', NGAYCAPNHAT: stamp(3) },
      },
      {
        externalKey: '1.000001',
        field: 'CACHTHUCTHUCHIEN[0].KENH',
        reason: 'unknown channel KENH 9 (expected 1, 2 or 3)',
        raw: expect.objectContaining({ MATTHC: '1.000001', CACHTHUCTHUCHIEN: [{ KENH: 9, THOIGIAN: [] }] }),
      },
    ]);
  });

  it('recovers the row skipped when a procedure changes mid-walk and moves to the end', async () => {
    const rows = makeRows(12);
    const { state, connector } = await setup(rows, {
      afterList: (page) => {
        // After page 1 is served, its first row changes: every later row shifts back one place.
        if (page === 1 && rows[0]!.stamp === stamp(0)) rows[0]!.stamp = '20200301000000';
      },
    });
    const pages = await readAll(connector, 'procedures');
    expect(new Set(keysOf(pages))).toEqual(new Set(rows.map((r) => r.code)));
    // The verification pass yielded the skipped row (1.000005) as an extra page.
    expect(pages.at(-1)?.items.map((i) => i.key)).toEqual(['1.000005']);
    expect(pages.at(-1)?.cursor).toBe('20200301000000');
    expect(state.details).toBe(13);
  });

  it('reads a row served on two pages once, and keeps LayThuTuc calls within 10 in flight', async () => {
    const rows = makeRows(40);
    const { state, connector } = await setup(
      rows,
      {
        detailDelayMs: 15,
        afterList: (page) => {
          // A new row sorted at the front pushes page 1's last row onto page 2.
          if (page === 1 && !rows.some((r) => r.code === '0.000001')) {
            rows.push({ code: '0.000001', stamp: '20191231000000', decision: 'qd-0' });
          }
        },
      },
      25,
    );
    const pages = await readAll(connector, 'procedures');
    const keys = keysOf(pages);
    expect(keys.filter((k) => k === '1.000024')).toHaveLength(1);
    expect(new Set(keys)).toEqual(new Set(rows.map((r) => r.code)));
    expect(state.maxInFlight).toBe(10);
  });
});
