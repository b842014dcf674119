/**
 * The console's xlsx exports over real HTTP follow the graph's rules: a VIEWER is refused
 * the findings export with a coded error, and a key limited to an agency gets only that
 * agency's findings and form 06 rows.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckedProvince, checkedProvince } from '../modules/check/province';
import { agencySubtree } from '../support/agencies';
import { TEST_KEY } from '../support/hub';
import { makeKey } from '../support/keys';

let p: CheckedProvince;
let year: string;

const keyFor = (grant: Parameters<typeof makeKey>[1]) => makeKey(p.db, grant);

const get = (path: string, key: string | null) =>
  fetch(new URL(path, p.hub.url), { headers: key ? { 'x-api-key': key } : {} });

async function workbook(res: Response): Promise<ExcelJS.Workbook> {
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await res.arrayBuffer()) as never);
  return book;
}

/** Form 06's "Tổng cộng" row and the sheet's heading text. */
async function form06Of(res: Response): Promise<{ total: unknown[]; text: string }> {
  const sheet = (await workbook(res)).getWorksheet('Biểu 06')!;
  const rows = sheet.getSheetValues().filter(Array.isArray) as unknown[][];
  const total = rows.find((row) => row.includes('Tổng cộng'));
  expect(total).toBeDefined();
  return { total: total!, text: JSON.stringify(rows.slice(0, 6)) };
}

beforeAll(async () => {
  p = await checkedProvince();
  const run = await p.check();
  expect(run.opened).toBeGreaterThan(0);
  const latest = await p.hub.gql<{ dossiers: { edges: { node: { acceptedAt: string | null } }[] } }>(
    '{ dossiers(first: 200, orderBy: ACCEPTED_DESC) { edges { node { acceptedAt } } } }',
  );
  year = latest.data!.dossiers.edges.find((e) => e.node.acceptedAt)!.node.acceptedAt!.slice(0, 4);
}, 180_000);
afterAll(() => p.close());

describe('the findings export', () => {
  it('refuses a VIEWER with 403 and a coded error, as the graph does', async () => {
    const key = await keyFor({ name: 'export-viewer', role: 'VIEWER' });
    const res = await get('/export/findings.xlsx', key);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('FORBIDDEN');
    expect(body.errors[0]!.message).toMatch(/VIEWER/);
    // The same key still downloads form 06, which its role reads.
    expect((await get(`/export/dossier-report.xlsx?period=${year}`, key)).status).toBe(200);
  });

  it("gives a key limited to an agency that agency's findings only", async () => {
    const all = await p.hub.gql<{
      findings: { edges: { node: { id: string; agencyCode: string | null } }[] };
    }>('{ findings(first: 500) { edges { node { id agencyCode } } } }');
    const findings = all.data!.findings.edges.map((e) => e.node);
    const counts = new Map<string, number>();
    for (const f of findings) if (f.agencyCode) counts.set(f.agencyCode, (counts.get(f.agencyCode) ?? 0) + 1);
    // An agency with findings and none under it: its scope is itself alone.
    const leaf = [...counts.keys()].find(
      (c) => agencySubtree(c, p.igate.world.agencies).size === 1 && counts.get(c)! < findings.length,
    )!;
    expect(leaf).toBeDefined();
    const key = await keyFor({ name: 'export-leaf-auditor', role: 'AUDITOR', agencyCode: leaf });
    const res = await get('/export/findings.xlsx', key);
    expect(res.headers.get('x-finding-count')).toBe(String(counts.get(leaf)));
    const book = await workbook(res);
    const ids = book.worksheets
      .filter((s) => s.name !== 'Tổng hợp')
      .flatMap((s) =>
        s
          .getSheetValues()
          .slice(3)
          .map((row) => String((row as unknown[])[1])),
      );
    expect(ids.sort()).toEqual(
      findings
        .filter((f) => f.agencyCode === leaf)
        .map((f) => f.id)
        .sort(),
    );
    // The whole-province key gets them all.
    expect((await get('/export/findings.xlsx', TEST_KEY)).headers.get('x-finding-count')).toBe(
      String(findings.length),
    );
  });
});

describe('the form 06 export', () => {
  it('gives a key limited to a district the rows of the district and its communes, titled with it', async () => {
    type Rows = { dossierReport: { rows: { key: string; received: number }[]; total: { received: number } } };
    const whole = await p.hub.gql<Rows>(
      `query($p: String!) { dossierReport(period: $p, groupBy: AGENCY) { rows { key received } total { received } } }`,
      { p: year },
    );
    const rows = whole.data!.dossierReport.rows;
    const world = p.igate.world.agencies;
    // A district with communes under it, some of whose rows have dossiers.
    const district = world.find((a) => {
      if (!a.parentCode) return false;
      const under = agencySubtree(a.code, world);
      return under.size > 1 && rows.some((r) => r.key !== a.code && under.has(r.key) && r.received > 0);
    })!;
    expect(district).toBeDefined();
    const subtree = agencySubtree(district.code, world);
    const expected = rows.filter((r) => subtree.has(r.key)).reduce((n, r) => n + r.received, 0);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(whole.data!.dossierReport.total.received);

    const key = await keyFor({ name: 'export-district', role: 'VIEWER', agencyCode: district.code });
    const scoped = await form06Of(
      await get(`/export/dossier-report.xlsx?period=${year}&groupBy=AGENCY`, key),
    );
    expect(scoped.total).toContain(expected);
    expect(scoped.text).toContain(district.code);
    const province = await form06Of(await get(`/export/dossier-report.xlsx?period=${year}`, TEST_KEY));
    expect(province.total).toContain(whole.data!.dossierReport.total.received);
    expect(province.text).toContain('Toàn tỉnh');
  });

  it('refuses a request without a key', async () => {
    const res = await get(`/export/dossier-report.xlsx?period=${year}`, null);
    expect(res.status).toBe(401);
    expect(
      ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe('UNAUTHENTICATED');
  });
});
