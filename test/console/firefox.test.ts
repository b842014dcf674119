/**
 * A smoke test of the console in Firefox (Debian's firefox-esr, where installed): sign in,
 * the overview with a synced source, a report, the bundled font, at 1366×768.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NationalSimulator, startNationalSimulator } from '../../connectors/sim/national/simulator';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestHub, TEST_KEY, type TestHub, testConfig } from '../support/hub';
import { SCREENSHOT_DIR, VIEWPORT } from './support/browser';
import { consoleUrl } from './support/console';
import { hasFirefox, launchFirefox } from './support/firefox';

describe.skipIf(!hasFirefox)('the console in Firefox ESR', () => {
  let db: TestDatabase;
  let sim: NationalSimulator;
  let hub: TestHub;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await startNationalSimulator({ seed: 21, procedures: 30, port: 0 });
    hub = await startTestHub(db, testConfig({ NATIONAL_URL: sim.url }));
    expect((await hub.services.sync.run('NATIONAL', { trigger: 'CLI', full: true })).status).toBe(
      'SUCCEEDED',
    );
    browser = await launchFirefox();
    page = await browser.newPage();
    await page.setViewport(VIEWPORT);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    await sim?.close();
    await db?.drop();
  });

  it('signs in, shows the overview and the reports in the bundled font', async () => {
    await page.goto(consoleUrl(hub));
    await page.waitForSelector('#api-key');
    await page.type('#api-key', TEST_KEY);
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-testid="principal"]');
    const who = await page.$eval('[data-testid="principal"]', (e) => e.textContent);
    expect(who).toContain('ADMIN');
    const nav = await page.$$eval('nav a', (links) => links.map((a) => a.textContent));
    expect(nav).toEqual(['Tổng quan', 'Sai lệch', 'Báo cáo', 'Kế hoạch', 'Đồng bộ']);
    await page.waitForSelector('[data-source="NATIONAL"].fresh');
    // Be Vietnam Pro, from the hub, is what the page's text is set in.
    // Evaluated in the page (the tests' own TypeScript has no DOM).
    const font = (await page.evaluate(`(async () => {
      await document.fonts.ready;
      return {
        family: getComputedStyle(document.body).fontFamily,
        loaded: document.fonts.check('16px "Be Vietnam Pro"', 'Thủ tục hành chính'),
      };
    })()`)) as { family: string; loaded: boolean };
    expect(font.family).toContain('Be Vietnam Pro');
    expect(font.loaded).toBe(true);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/70-firefox-overview.png` });

    await page.click('nav a[href="/console/reports"]');
    await page.waitForSelector('[data-testid="form06"] tfoot td');
    expect(await page.$eval('h1', (e) => e.textContent)).toBe('Báo cáo');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/71-firefox-reports.png` });
  });
});
