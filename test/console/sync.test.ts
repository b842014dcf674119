/**
 * The console in a real Chromium against a real hub: sign-in, the overview's freshness,
 * and the Sync page's ledger, quarantine and held deletions confirmed from the browser.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NationalSimulator, startNationalSimulator } from '../../connectors/sim/national/simulator';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestHub, TEST_KEY, type TestHub, testConfig } from '../support/hub';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser';
import { consoleUrl, expectNoForeign, watchForeignRequests } from './support/console';

describe('the console over a synced national catalogue', () => {
  let db: TestDatabase;
  let sim: NationalSimulator;
  let hub: TestHub;
  let browser: TestBrowser;
  let heldRunId: string;
  let page: Page;
  let foreign: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await startNationalSimulator({ seed: 14, procedures: 40, port: 0, badRecords: 2 });
    hub = await startTestHub(db, testConfig({ NATIONAL_URL: sim.url }));
    const first = await hub.services.sync.run('NATIONAL', { trigger: 'CLI', full: true });
    expect(first.status).toBe('SUCCEEDED');
    // A third of the catalogue vanishes upstream: above the 20 % guard, so the run holds.
    const planted = new Set(sim.badRecords.keys());
    const codes = Array.from({ length: 40 }, (_, i) => sim.catalogue.header(i).code)
      .filter((c) => !planted.has(c))
      .slice(0, 15);
    for (const code of codes) sim.remove(code);
    const held = await hub.services.sync.run('NATIONAL', { trigger: 'CLI', full: true });
    expect(held.status).toBe('HELD');
    heldRunId = held.id;
    browser = await launchBrowser();
    page = await browser.newPage();
    foreign = watchForeignRequests(page, hub);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    await sim?.close();
    await db?.drop();
  });

  it('refuses a wrong key at sign-in and accepts the right one', async () => {
    await page.goto(consoleUrl(hub));
    await page.getByLabel('Khóa API').fill('not-a-key');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Khóa không hợp lệ');
    await screenshot(page, '00-sign-in');
    await page.getByLabel('Khóa API').fill(TEST_KEY);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('principal').waitFor();
    expect(await page.getByTestId('principal').textContent()).toContain('ADMIN');
  });

  it('shows each source with its freshness and last run on the overview, in a bundled font', async () => {
    const card = page.locator('[data-source="NATIONAL"]').first();
    await card.waitFor();
    expect(await card.textContent()).toContain('Chờ xác nhận xóa'); // the last run held
    // iGate points at a closed port in this test: never synced, so stale.
    expect(await page.locator('[data-source="IGATE"]').first().textContent()).toContain('chưa bao giờ');
    // The charts' table view carries the same figures for screen readers.
    const runsTable = page.getByTestId('runs-chart').locator('table');
    expect(await runsTable.locator('tbody tr').count()).toBe(3);
    // Run in the page (a string: the tests' TypeScript has no DOM types).
    const font = (await page.evaluate(`document.fonts.ready.then(() => ({
      family: getComputedStyle(document.body).fontFamily,
      loaded: document.fonts.check('16px "Be Vietnam Pro"', 'Tiếp nhận hồ sơ bố mẹ'),
    }))`)) as { family: string; loaded: boolean };
    expect(font.family).toContain('Be Vietnam Pro');
    expect(font.loaded).toBe(true);
    await screenshot(page, '01-overview');
  });

  it('lists the run ledger, filters it by status in the address, and shows the quarantine with payloads', async () => {
    await page.getByRole('link', { name: 'Đồng bộ' }).click();
    const ledger = page.getByTestId('ledger');
    await ledger.locator('tbody tr').first().waitFor();
    expect(await ledger.locator('tbody tr').count()).toBe(2);
    await page.getByLabel('Trạng thái').selectOption('HELD');
    await page.waitForURL(/status=HELD/);
    await expect.poll(() => ledger.locator('tbody tr').count()).toBe(1);

    const planted = [...sim.badRecords.keys()];
    const quarantine = page.getByTestId('quarantine');
    await quarantine.locator('tbody tr').first().waitFor();
    // One row per planted bad record; a record too broken to name keeps an empty key.
    const keys = await quarantine.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(keys).toHaveLength(planted.length);
    expect(keys.filter(Boolean).every((k) => planted.includes(k))).toBe(true);
    await quarantine.locator('tbody tr').first().click();
    const payload = page.getByTestId('payload');
    await payload.waitFor();
    expect(await payload.locator('pre').textContent()).toMatch(/^\{\n {2}"/); // pretty JSON
    expect(page.url()).toMatch(/record=/);
    await screenshot(page, '02-sync');
  });

  it('confirms the held deletions from the browser, and the graph shows the run applied', async () => {
    // Shared links reopen the same view.
    await page.goto(consoleUrl(hub, 'sync?status=HELD'));
    const held = page.getByTestId('held');
    await held.getByText(/15 bản ghi biến mất/).waitFor();
    await held.getByRole('button', { name: 'Xác nhận xóa' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Xác nhận xóa 15 bản ghi?');
    await screenshot(page, '03-sync-confirm');
    await dialog.getByRole('button', { name: 'Xác nhận xóa' }).click();
    await held.getByText('Đã xóa 15 bản ghi').waitFor();
    const r = await hub.gql<{ syncRun: { status: string; deleted: number } }>(
      `query($id: ID!) { syncRun(id: $id) { status deleted } }`,
      { id: heldRunId },
    );
    expect(r.data?.syncRun).toEqual({ status: 'SUCCEEDED', deleted: 15 });
    await held.getByText('Không có lần chạy nào đang giữ lệnh xóa.').waitFor();
  });

  it('switches to English and keeps every request on the hub', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Data sync' }).waitFor();
    expect(await page.getByRole('navigation').textContent()).toContain('Overview');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    expectNoForeign(foreign);
  });
});
