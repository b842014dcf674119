/**
 * The console follows the caller's `viewer` in Chromium: a VIEWER has no findings page
 * (neither in the navigation nor by address), an agency-limited AUDITOR sees its agency in
 * the header and only its findings, and an INTEGRATOR reads the sync page without its
 * actions and findings without review.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckedProvince, checkedProvince } from '../modules/check/province';
import { agencySubtree } from '../support/agencies';
import { makeKey } from '../support/keys';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser';
import { consoleUrl, signIn } from './support/console';

let p: CheckedProvince;
let browser: TestBrowser;

const keyFor = (grant: Parameters<typeof makeKey>[1]) => makeKey(p.db, grant);

const navOf = (page: Page) => page.getByRole('navigation').getByRole('link').allTextContents();
const shownTotal = async (page: Page) =>
  Number(
    ((await page.getByTestId('findings-count').textContent()) ?? '')
      .replace(/.*\/\s*/, '')
      .replace(/\D/g, ''),
  );

beforeAll(async () => {
  p = await checkedProvince();
  const run = await p.check();
  expect(run.opened).toBeGreaterThan(0);
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await p?.close();
});

describe('the console by role', () => {
  it('gives a VIEWER no findings page: not in the navigation, and refused by address', async () => {
    const page = await browser.newPage();
    await signIn(page, p.hub, await keyFor({ name: 'console-viewer', role: 'VIEWER' }));
    expect(await page.getByTestId('principal').textContent()).toContain('VIEWER');
    expect(await navOf(page)).toEqual(['Tổng quan', 'Báo cáo', 'Kế hoạch']);
    // The overview leaves out the open-findings chart, which the graph would refuse.
    await page.locator('[data-source="NATIONAL"]').first().waitFor();
    expect(await page.getByTestId('open-findings-chart').count()).toBe(0);

    await page.goto(consoleUrl(p.hub, 'findings?severity=HIGH'));
    const refused = page.getByTestId('refused');
    await refused.waitFor();
    expect(await refused.getByRole('heading').textContent()).toBe('Không có quyền xem trang này');
    expect(await refused.getByRole('alert').textContent()).toContain(
      'Vai trò VIEWER của bạn không được xem các sai lệch',
    );
    // Nothing of the page was asked of the graph: no findings table, no error from it.
    expect(await page.getByTestId('findings').count()).toBe(0);
    await screenshot(page, '40-viewer-refused-findings');
    await refused.getByRole('link', { name: 'Về trang Tổng quan' }).click();
    await page.waitForURL(/\/console\/overview$/);
    await page.close();
  });

  it('shows an agency-limited AUDITOR its agency in the header and only its findings, with review', async () => {
    const all = await p.hub.gql<{
      findings: { edges: { node: { id: string; agencyCode: string | null } }[] };
    }>('{ findings(first: 500) { edges { node { id agencyCode } } } }');
    const findings = all.data!.findings.edges.map((e) => e.node);
    const world = p.igate.world.agencies;
    // A district with findings of its own or of its communes, but not all of them.
    const district = world.find((a) => {
      if (!a.parentCode || a.level !== 'DISTRICT') return false;
      const under = agencySubtree(a.code, world);
      const mine = findings.filter((f) => f.agencyCode && under.has(f.agencyCode)).length;
      return mine > 0 && mine < findings.length;
    })!;
    expect(district).toBeDefined();
    const subtree = agencySubtree(district.code, world);
    const expected = findings.filter((f) => f.agencyCode && subtree.has(f.agencyCode));

    const page = await browser.newPage();
    const key = await keyFor({
      name: 'console-district-auditor',
      role: 'AUDITOR',
      agencyCode: district.code,
    });
    await signIn(page, p.hub, key, 'findings');
    expect(await page.getByTestId('principal-agency').textContent()).toBe(
      `${district.name} (${district.code})`,
    );
    expect(await navOf(page)).toEqual(['Tổng quan', 'Sai lệch', 'Báo cáo', 'Kế hoạch']);
    await page.locator('[data-testid="findings"] tbody tr').first().waitFor();
    await expect.poll(() => shownTotal(page)).toBe(expected.length);
    // The agency filter offers the district and what is under it, nothing else.
    const offered = await page
      .getByRole('combobox', { name: 'Cơ quan' })
      .locator('option')
      .evaluateAll((options) =>
        options.map((o) => (o as unknown as { value: string }).value).filter(Boolean),
      );
    expect(offered.sort()).toEqual([...subtree].sort());
    await screenshot(page, '41-agency-auditor-findings');

    // An AUDITOR may acknowledge.
    await page.goto(consoleUrl(p.hub, `findings?finding=${expected[0]!.id}`));
    await page.getByTestId('finding-status').waitFor();
    expect(await page.getByRole('button', { name: 'Ghi nhận' }).count()).toBe(1);
    await page.close();
  });

  it('lets an INTEGRATOR read the sync ledger and findings, without starting syncs or reviewing', async () => {
    const page = await browser.newPage();
    await signIn(page, p.hub, await keyFor({ name: 'console-integrator', role: 'INTEGRATOR' }), 'sync');
    expect(await navOf(page)).toEqual(['Tổng quan', 'Sai lệch', 'Báo cáo', 'Kế hoạch', 'Đồng bộ']);
    await page.getByText('Chỉ quản trị viên được chạy đồng bộ và xác nhận xóa.').waitFor();
    expect(await page.getByRole('button', { name: 'Đồng bộ ngay' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Đồng bộ toàn bộ' }).count()).toBe(0);
    await screenshot(page, '42-integrator-sync');

    const open = (
      await p.hub.gql<{ findings: { edges: { node: { id: string } }[] } }>(
        '{ findings(first: 1, filter: { status: [OPEN] }) { edges { node { id } } } }',
      )
    ).data!.findings.edges[0]!.node.id;
    await page.goto(consoleUrl(p.hub, `findings?finding=${open}`));
    await page.getByTestId('finding-status').waitFor();
    expect(await page.getByRole('button', { name: 'Ghi nhận' }).count()).toBe(0);
    await page.close();
  });
});
