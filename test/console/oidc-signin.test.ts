/**
 * Sign-in through an issuer in Chromium: the hub tells the anonymous console only the
 * issuer and client id; the console finds the endpoints in the issuer's discovery document,
 * leaves with a PKCE challenge, comes back with a code, exchanges it, and shows the pages
 * the token's role may see, sending the token as Bearer.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Province, syncedProvince } from '../modules/dossier/setup';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser';
import { consoleUrl } from './support/console';
import { startTestIssuer, type TestIssuer } from './support/oidc-issuer';

let issuer: TestIssuer;
let province: Province;
let browser: TestBrowser;
let page: Page;
let district: { code: string; name: string };
// Evaluated in the page (the tests' own TypeScript has no DOM).
const STORED = "sessionStorage.getItem('tthc-console-credential')";

beforeAll(async () => {
  issuer = await startTestIssuer({
    clientId: 'tthc-console',
    audience: 'tthc-hub',
    user: { sub: 'tran.thi.b', roles: ['offline_access', 'hub-auditor'] },
  });
  province = await syncedProvince(120, {
    OIDC_ISSUER: issuer.issuer,
    OIDC_CLIENT_ID: 'tthc-console',
    OIDC_AUDIENCE: 'tthc-hub',
    OIDC_ROLE_CLAIM: 'realm_access.roles',
  });
  district = province.igate.world.agencies.find((a) => a.parentCode && a.level === 'DISTRICT')!;
  issuer.user = { ...issuer.user, agency: district.code };
  browser = await launchBrowser();
  page = await browser.newPage();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await province?.close();
  await issuer?.close();
});

describe('the console with an OIDC issuer', () => {
  it('gives anonymous callers the issuer and client id in the page, and nothing else', async () => {
    const res = await fetch(consoleUrl(province.hub));
    expect(res.status).toBe(200);
    const html = await res.text();
    const content = /<meta name="tthc-oidc" content="([^"]*)">/.exec(html)?.[1];
    expect(content).toBeDefined();
    const settings = JSON.parse(content!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
    expect(settings).toEqual({ issuer: issuer.issuer, clientId: 'tthc-console' });
    // The page may reach the issuer (discovery, token endpoint) and nothing else.
    expect(res.headers.get('content-security-policy')).toContain(
      `connect-src 'self' ${new URL(issuer.issuer).origin};`,
    );
    const graph = await fetch(new URL('/graphql', province.hub.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    expect(graph.status).toBe(401);
    expect((await fetch(new URL('/export/dossier-report.xlsx', province.hub.url))).status).toBe(401);
  });

  it("signs in at the issuer with PKCE and shows the page asked for, with the token's role and agency", async () => {
    const bearer: string[] = [];
    const keyed: string[] = [];
    page.on('request', (r) => {
      if (!r.url().endsWith('/graphql')) return;
      const h = r.headers();
      if (h.authorization?.startsWith('Bearer ')) bearer.push(r.url());
      if (h['x-api-key']) keyed.push(r.url());
    });
    await page.goto(consoleUrl(province.hub, 'reports?period=2020'));
    const button = page.getByRole('button', { name: `Đăng nhập qua ${issuer.issuer}` });
    await button.waitFor();
    await screenshot(page, '60-oidc-sign-in');
    await button.click();
    await page.getByTestId('principal').waitFor();
    // Back on the page asked for, after one code exchange whose verifier matched.
    expect(issuer.refusals).toEqual([]);
    expect(issuer.exchanges).toBe(1);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/console/reports?period=2020');
    expect(await page.getByTestId('principal').textContent()).toContain('AUDITOR');
    expect(await page.getByTestId('principal-agency').textContent()).toBe(
      `${district.name} (${district.code})`,
    );
    // An AUDITOR sees findings, not the sync page.
    const nav = await page.getByRole('navigation').getByRole('link').allTextContents();
    expect(nav).toEqual(['Tổng quan', 'Sai lệch', 'Báo cáo', 'Kế hoạch']);
    await page.locator('[data-testid="form06"] tfoot td').first().waitFor();
    await screenshot(page, '61-oidc-signed-in-reports');
    expect(bearer.length).toBeGreaterThan(0);
    expect(keyed).toEqual([]);
    const stored = await page.evaluate<string | null>(STORED);
    expect(JSON.parse(stored!)).toMatchObject({ kind: 'token' });
  });

  it("keeps the token for the tab's session only, and signing out forgets it", async () => {
    await page.reload();
    await page.getByTestId('principal').waitFor();
    expect(issuer.exchanges).toBe(1); // no new login for a reload
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('button', { name: `Đăng nhập qua ${issuer.issuer}` }).waitFor();
    expect(await page.evaluate<string | null>(STORED)).toBeNull();
    // A new tab has no session.
    const other = await browser.newPage();
    await other.goto(consoleUrl(province.hub));
    await other.getByLabel('Khóa API').waitFor();
    await other.close();
  });

  it('brings a refused login and a token without a hub role back to the sign-in page with the reason', async () => {
    const button = page.getByRole('button', { name: `Đăng nhập qua ${issuer.issuer}` });
    issuer.refuseNext = 'Tài khoản bị khóa';
    await button.click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe(
      'Không đăng nhập được qua nhà cung cấp định danh: Tài khoản bị khóa',
    );
    expect(new URL(page.url()).pathname).toBe('/console/');

    // The issuer logs in someone the realm gives no hub role: the graph refuses the token.
    const before = issuer.exchanges;
    issuer.user = { sub: 'khach', roles: ['offline_access'] };
    await button.click();
    const notice = page.getByTestId('signin-notice');
    await notice.waitFor();
    expect(issuer.exchanges).toBe(before + 1);
    expect(await notice.textContent()).toContain('names no hub role');
    expect(await page.evaluate<string | null>(STORED)).toBeNull();
    await screenshot(page, '62-oidc-no-role');
  });
});
