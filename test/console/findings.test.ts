/**
 * The Findings page in Chromium over a checked simulated province: filters in the
 * address, both values side by side, and an acknowledgement that the graph records.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckedProvince, checkedProvince } from '../modules/check/province';
import { TEST_KEY } from '../support/hub';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser';
import { signIn } from './support/console';

interface History {
  from: string | null;
  to: string;
  note: string | null;
  actor: string;
}

describe('the Findings page', () => {
  let province: CheckedProvince;
  let browser: TestBrowser;
  let page: Page;

  const totalOf = async (filter: Record<string, unknown>) => {
    const r = await province.hub.gql<{ findings: { totalCount: number } }>(
      `query($f: FindingFilter) { findings(filter: $f) { totalCount } }`,
      { f: filter },
    );
    expect(r.errors).toBeUndefined();
    return r.data!.findings.totalCount;
  };
  const shownTotal = async () => {
    const text = (await page.getByTestId('findings-count').textContent()) ?? '';
    return Number(text.replace(/.*\/\s*/, '').replace(/\D/g, ''));
  };

  beforeAll(async () => {
    province = await checkedProvince();
    const run = await province.check();
    expect(run.opened).toBeGreaterThan(0);
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await province?.close();
  });

  it('lists the findings with their counts by severity, and filters them through the address', async () => {
    await signIn(page, province.hub, TEST_KEY, 'findings');
    const rows = page.locator('[data-testid="findings"] tbody tr');
    await rows.first().waitFor();
    expect(await shownTotal()).toBe(await totalOf({}));
    await screenshot(page, '30-findings');

    await page.getByRole('combobox', { name: 'Mức độ' }).selectOption('HIGH');
    await page.waitForURL(/severity=HIGH/);
    const high = await totalOf({ severity: ['HIGH'] });
    expect(high).toBeGreaterThan(0);
    await expect.poll(shownTotal).toBe(high);
    const badges = await page.locator('[data-testid="findings"] tbody tr td:first-child').allTextContents();
    expect(new Set(badges)).toEqual(new Set(['Cao']));

    // The export is the current filter's findings, through the hub's xlsx export.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Xuất Excel (bộ lọc hiện tại)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^sai-lech-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await download.path())!)) as never);
    const ids = book.worksheets
      .filter((sheet) => sheet.name !== 'Tổng hợp')
      .flatMap((sheet) =>
        sheet
          .getSheetValues()
          .slice(3)
          .map((row) => (row as string[])[1]),
      );
    expect(ids).toHaveLength(high);
    const severities = book.worksheets
      .filter((sheet) => sheet.name !== 'Tổng hợp')
      .flatMap((sheet) =>
        sheet
          .getSheetValues()
          .slice(3)
          .map((row) => (row as string[])[3]),
      );
    expect(new Set(severities)).toEqual(new Set(['HIGH']));

    // Filters combine, and a shared link opens the same list.
    const kind = (
      await province.hub.gql<{ findings: { edges: { node: { kind: string } }[] } }>(
        `{ findings(first: 1, filter: { severity: [HIGH] }) { edges { node { kind } } } }`,
      )
    ).data!.findings.edges[0]!.node.kind;
    await page.goto(page.url().replace(/\?.*/, `?severity=HIGH&kind=${kind}`));
    await expect.poll(shownTotal).toBe(await totalOf({ severity: ['HIGH'], kind: [kind] }));
  });

  it('opens a finding with both values side by side, acknowledges it with a note, and the graph has the history', async () => {
    const mismatch = (
      await province.hub.gql<{ findings: { edges: { node: { id: string } }[] } }>(
        `{ findings(first: 1, filter: { kind: [PROCESSING_TIME_MISMATCH, FEE_MISMATCH, NAME_MISMATCH], status: [OPEN] }) { edges { node { id } } } }`,
      )
    ).data!.findings.edges[0]!.node.id;
    await page.goto(page.url().replace(/\?.*/, `?finding=${mismatch}`));
    const detail = page.getByTestId('finding-detail');
    await detail.getByTestId('finding-status').waitFor();
    expect(await detail.getByTestId('finding-status').textContent()).toBe('Mới');
    // The differing part of each side is marked.
    expect(await detail.locator('[data-testid="national-value"] mark').count()).toBe(1);
    expect(await detail.locator('[data-testid="provincial-value"] mark').count()).toBe(1);
    // The record history: the versions the syncs stored, on each side.
    expect(await detail.locator('[data-testid="record-history"] li').count()).toBeGreaterThanOrEqual(2);
    const note = 'Đã báo Sở Tư pháp cập nhật thời hạn trên iGate';
    await detail.getByLabel('Ghi chú (bắt buộc)').fill(note);
    await detail.getByRole('button', { name: 'Ghi nhận' }).click();
    await expect.poll(() => detail.getByTestId('finding-status').textContent()).toBe('Đã ghi nhận');
    expect(await detail.getByTestId('finding-history').textContent()).toContain(note);
    await screenshot(page, '31-finding-detail');

    const r = await province.hub.gql<{ finding: { status: string; history: History[] } }>(
      `query($id: ID!) { finding(id: $id) { status history { from to note actor } } }`,
      { id: mismatch },
    );
    expect(r.data!.finding.status).toBe('ACKNOWLEDGED');
    expect(r.data!.finding.history.at(-1)).toMatchObject({ from: 'OPEN', to: 'ACKNOWLEDGED', note });
  });

  it('shows the open findings by severity and the quarter figures on the overview', async () => {
    await page.getByRole('link', { name: 'Tổng quan' }).click();
    const chart = page.getByTestId('open-findings-chart');
    await chart.locator('tbody tr').first().waitFor();
    const summary = await province.hub.gql<{
      findingSummary: { counts: { severity: string; count: number }[] };
    }>(
      `{ findingSummary(filter: { status: [OPEN, REOPENED, ACKNOWLEDGED] }) { counts { severity count } } }`,
    );
    const counts = summary.data!.findingSummary.counts;
    const expected = ['HIGH', 'MEDIUM', 'LOW', 'INFO'].map((s) =>
      String(counts.filter((c) => c.severity === s).reduce((n, c) => n + c.count, 0)),
    );
    expect(await chart.locator('tbody td').allTextContents()).toEqual(expected);
    const quarter = page.getByTestId('quarter-chart');
    await quarter.locator('tbody tr').first().waitFor();
    expect(await quarter.locator('tbody tr').count()).toBe(3);
    expect(await quarter.locator('thead th').allTextContents()).toHaveLength(3); // a corner and two quarters
    await page.locator('[data-source="PAKN"]').first().waitFor();
    await screenshot(page, '32-overview-checked', { fullPage: true });
  });
});
