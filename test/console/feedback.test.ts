/**
 * The feedback figures on the Reports page in Chromium over a synced province with PAKN:
 * the table's totals are the graph's, the period and grouping are in the address, and the
 * chart has its table view.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckedProvince, checkedProvince } from '../modules/check/province';
import { TEST_KEY } from '../support/hub';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser';
import { signIn } from './support/console';

interface Figures {
  rows: { key: string; closed: number }[];
  total: { received: number; closed: number; handledOnTime: number };
}

let p: CheckedProvince;
let browser: TestBrowser;
let page: Page;
let year: string;

async function graphFigures(period: string, groupBy = 'AGENCY'): Promise<Figures> {
  const r = await p.hub.gql<{ feedbackReport: Figures }>(
    `query($p: String!, $g: FeedbackGrouping!) { feedbackReport(period: $p, groupBy: $g) {
       rows { key closed } total { received closed handledOnTime } } }`,
    { p: period, g: groupBy },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.feedbackReport;
}

/** The table's total row cell of a column (1: the label). */
const totalCell = (n: number) =>
  page.locator(`[data-testid="feedback-report"] tfoot td:nth-child(${n})`).textContent();
const vi = (n: number) => n.toLocaleString('vi-VN');

beforeAll(async () => {
  p = await checkedProvince();
  const latest = await p.hub.gql<{ feedbacks: { edges: { node: { sentAt: string } }[] } }>(
    '{ feedbacks(first: 1) { edges { node { sentAt } } } }',
  );
  year = latest.data!.feedbacks.edges[0]!.node.sentAt.slice(0, 4);
  browser = await launchBrowser();
  page = await browser.newPage();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await p?.close();
});

describe('the feedback report on the Reports page', () => {
  it('shows the period in the address with the graph totals, and its chart as a table', async () => {
    const figures = await graphFigures(year);
    expect(figures.total.received).toBeGreaterThan(0);
    await signIn(page, p.hub, TEST_KEY, `reports?period=${year}&feedbackPeriod=${year}`);
    await page.locator('[data-testid="feedback-report"] tfoot td').first().waitFor();
    expect(await totalCell(2)).toBe(vi(figures.total.received));
    expect(await totalCell(6)).toBe(vi(figures.total.closed));
    expect(await totalCell(7)).toBe(vi(figures.total.handledOnTime));
    expect(await page.locator('[data-testid="feedback-report"] tbody tr').count()).toBe(figures.rows.length);
    // The chart's table view: one row per row with closed items (at most 15).
    const closedRows = figures.rows.filter((r) => r.closed > 0).length;
    const chartRows = page.locator('[data-testid="feedback-chart"] tbody tr');
    expect(await chartRows.count()).toBe(Math.min(15, closedRows));
    await page.getByTestId('feedback-chart').getByRole('button', { name: 'Xem dạng bảng' }).click();
    await page.locator('[data-testid="feedback-chart"] table.data').waitFor();
    await page.getByTestId('feedback-chart').getByRole('button', { name: 'Xem biểu đồ' }).click();
    await page.evaluate("document.getElementById('feedback-title').scrollIntoView()");
    await screenshot(page, '13-reports-feedback');
    await screenshot(page, '14-reports-feedback-full', { fullPage: true });
  });

  it('follows its own period and grouping pickers, leaving form 06 as it was', async () => {
    const form06Before = await page.locator('[data-testid="form06"] tfoot td:nth-child(2)').textContent();
    const yearTotal = (await graphFigures(year)).total.received;
    let quarter = '';
    let expected = 0;
    for (const q of ['Q1', 'Q2', 'Q3', 'Q4']) {
      const n = (await graphFigures(`${year}-${q}`)).total.received;
      if (n > 0 && n < yearTotal && n > expected) [quarter, expected] = [q, n];
    }
    expect(quarter).not.toBe('');
    await page.getByRole('combobox', { name: 'Kỳ PAKN', exact: true }).selectOption(quarter);
    await page.waitForURL(new RegExp(`feedbackPeriod=${year}-${quarter}`));
    await expect.poll(() => totalCell(2)).toBe(vi(expected));
    expect(new URL(page.url()).searchParams.get('period')).toBe(year);
    expect(await page.locator('[data-testid="form06"] tfoot td:nth-child(2)').textContent()).toBe(
      form06Before,
    );

    const byChannel = await graphFigures(`${year}-${quarter}`, 'CHANNEL');
    await page.getByRole('combobox', { name: 'Nhóm PAKN theo' }).selectOption('CHANNEL');
    await page.waitForURL(/feedbackGroupBy=CHANNEL/);
    await expect
      .poll(() => page.locator('[data-testid="feedback-report"] tbody tr').count())
      .toBe(byChannel.rows.length);
    expect(await totalCell(2)).toBe(vi(byChannel.total.received));
    // A shared link opens the same figures.
    const other = await browser.newPage();
    await signIn(
      other,
      p.hub,
      TEST_KEY,
      new URL(page.url()).pathname.slice('/console/'.length) + new URL(page.url()).search,
    );
    await other.locator('[data-testid="feedback-report"] tfoot td').first().waitFor();
    expect(await other.locator('[data-testid="feedback-report"] tfoot td:nth-child(2)').textContent()).toBe(
      vi(byChannel.total.received),
    );
    await other.close();
  });
});
