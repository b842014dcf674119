/** The Plan page in Chromium: the imported reference plan, by section, filtered by lead body. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPlanFile } from '../../src/modules/plan';
import { seedAgencies } from '../modules/plan/agencies';
import { REFERENCE_FILE } from '../modules/plan/reference-plan';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestHub, TEST_KEY, type TestHub } from '../support/hub';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser';
import { signIn } from './support/console';

describe('the Plan page', () => {
  let db: TestDatabase;
  let hub: TestHub;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedAgencies(db);
    await importPlanFile(db.orm.em.fork(), 'binh-dinh-2020.txt', readFileSync(REFERENCE_FILE));
    hub = await startTestHub(db);
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    await db?.drop();
  });

  it('shows the 20 tasks in their 5 sections, and filters them by lead body through the address', async () => {
    await signIn(page, hub, TEST_KEY, 'plan');
    const rows = page.locator('[data-testid="plan-tasks"] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(20);
    expect(await page.locator('main h2').count()).toBe(5);
    // Every task carries the graph's status for it (planProgress).
    const progress = await hub.gql<{
      planProgress: { tasks: { status: string; task: { number: number } }[] };
    }>(`{ planProgress(year: 2020) { tasks { status task { number } } } }`);
    expect(progress.errors).toBeUndefined();
    const label: Record<string, string> = {
      ON_TRACK: 'Đúng tiến độ',
      AT_RISK: 'Có nguy cơ chậm',
      MISSED: 'Không đạt',
      DONE: 'Hoàn thành',
      NOT_MEASURABLE: 'Không đo được',
    };
    const expectedStatus = progress
      .data!.planProgress.tasks.sort((a, b) => a.task.number - b.task.number)
      .map((tp) => label[tp.status]);
    const shown = await page
      .locator('[data-testid="plan-tasks"] tbody tr')
      .evaluateAll((trs) =>
        trs.map(
          (tr) => [Number(tr.children[0]?.textContent), tr.lastElementChild?.textContent ?? ''] as const,
        ),
      );
    expect(shown.sort((a, b) => a[0] - b[0]).map((r) => r[1])).toEqual(expectedStatus);
    await screenshot(page, '20-plan');

    const graph = await hub.gql<{ plan: { tasks: { number: number; leads: { text: string }[] }[] } }>(
      `{ plan(year: 2020) { tasks { number leads { text } } } }`,
    );
    const lead = 'Văn phòng UBND tỉnh';
    const expected = graph
      .data!.plan.tasks.filter((t) => t.leads.some((l) => l.text === lead))
      .map((t) => t.number);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(20);
    await page.getByLabel('Cơ quan chủ trì').selectOption(lead);
    await page.waitForURL(/lead=/);
    await expect.poll(() => rows.count()).toBe(expected.length);
    const numbers = (
      await page.locator('[data-testid="plan-tasks"] tbody tr td:first-child').allTextContents()
    ).map(Number);
    expect(numbers.sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    await screenshot(page, '21-plan-filtered');
  });
});
