/**
 * The Reports page in Chromium over a synced simulated province: form 06 follows the
 * period picked, its total row and charts change with it, and the figures are the graph's.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Province, syncedProvince } from '../modules/dossier/setup';
import { TEST_KEY } from '../support/hub';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser';
import { signIn } from './support/console';

interface Total {
  received: number;
  resolved: number;
}

describe('the Reports page', () => {
  let province: Province;
  let browser: TestBrowser;
  let page: Page;
  let year: number;

  async function graphTotal(period: string): Promise<Total> {
    const r = await province.hub.gql<{ dossierReport: { total: Total; rows: unknown[] } }>(
      `query($p: String!) { dossierReport(period: $p, groupBy: AGENCY) { total { received resolved } rows { key } } }`,
      { p: period },
    );
    expect(r.errors).toBeUndefined();
    return r.data!.dossierReport.total;
  }

  const totalCell = (column: number) =>
    page.locator(`[data-testid="form06"] tfoot td:nth-child(${column})`).textContent();

  beforeAll(async () => {
    province = await syncedProvince(600);
    const latest = await province.hub.gql<{ dossiers: { edges: { node: { acceptedAt: string | null } }[] } }>(
      `{ dossiers(first: 200) { edges { node { acceptedAt } } } }`,
    );
    const years = latest.data!.dossiers.edges.map((e) => e.node.acceptedAt?.slice(0, 4)).filter(Boolean);
    year = Number(years.sort().at(-1));
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await province?.close();
  });

  it('shows form 06 for the period in the address, with the graph totals', async () => {
    await signIn(page, province.hub, TEST_KEY, `reports?period=${year}`);
    await page.locator('[data-testid="form06"] tfoot td').first().waitFor();
    const total = await graphTotal(String(year));
    expect(total.received).toBeGreaterThan(0);
    expect(await totalCell(2)).toBe(total.received.toLocaleString('vi-VN'));
    expect(await totalCell(6)).toBe(total.resolved.toLocaleString('vi-VN'));
    // The monthly line chart's table view: one row per month of the year.
    await expect.poll(() => page.locator('[data-testid="monthly-chart"] tbody tr').count()).toBe(12);
    expect(await page.locator('[data-testid="ontime-chart"] tbody tr').count()).toBeGreaterThan(0);
    // The service index: every figure with its numerator and denominator, as the graph gives them.
    const index = await province.hub.gql<{
      serviceIndex: { figures: { numerator: number; denominator: number }[] };
    }>(`query($p: String!) { serviceIndex(period: $p) { figures { numerator denominator } } }`, {
      p: String(year),
    });
    const figures = index.data!.serviceIndex.figures;
    const indexRows = page.locator('[data-testid="service-index"] tbody tr');
    await expect.poll(() => indexRows.count()).toBe(figures.length);
    const numerators = await page
      .locator('[data-testid="service-index"] tbody tr td:nth-child(2)')
      .allTextContents();
    const denominators = await page
      .locator('[data-testid="service-index"] tbody tr td:nth-child(3)')
      .allTextContents();
    expect(numerators).toEqual(figures.map((f) => f.numerator.toLocaleString('vi-VN')));
    expect(denominators).toEqual(figures.map((f) => f.denominator.toLocaleString('vi-VN')));
    await screenshot(page, '10-reports-year');
  });

  it('changes table and charts when another period is picked', async () => {
    const before = await totalCell(2);
    const quarter = `${year}-Q1`;
    const expected = await graphTotal(quarter);
    await page.getByRole('combobox', { name: 'Kỳ', exact: true }).selectOption('Q1');
    await page.waitForURL(new RegExp(`period=${quarter}`));
    await expect.poll(() => totalCell(2)).toBe(expected.received.toLocaleString('vi-VN'));
    expect(await totalCell(2)).not.toBe(before);
    expect(await page.getByTestId('report-period').textContent()).toContain(`01/01/${year} – 31/03/${year}`);
    await expect.poll(() => page.locator('[data-testid="monthly-chart"] tbody tr').count()).toBe(3);
    // The xlsx of the same pickers, from the hub's export: the official form with this quarter's total.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải biểu 06 (Excel)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`bieu-06-${year}-01-01-${year}-03-31.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await download.path())!)) as never);
    const sheet = book.getWorksheet('Biểu 06')!;
    const totalRow = sheet
      .getSheetValues()
      .find((row) => Array.isArray(row) && row.includes('Tổng cộng')) as unknown[];
    expect(totalRow).toBeDefined();
    expect(totalRow).toContain(expected.received);
    await screenshot(page, '11-reports-quarter');
    await screenshot(page, '12-reports-quarter-full', { fullPage: true });
  });
});
