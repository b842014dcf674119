/** Opening the console of a test hub in the browser, signed in with a key. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestHub } from '../../support/hub';

export function consoleUrl(hub: TestHub, rest = ''): string {
  return new URL(`/console/${rest}`, hub.url).toString();
}

/** Signs in through the form, as a person would, and waits for the signed-in frame. */
export async function signIn(page: Page, hub: TestHub, key: string, rest = ''): Promise<void> {
  await page.goto(consoleUrl(hub, rest));
  await page.getByLabel(/Khóa API|API key/).fill(key);
  await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
  await page.getByTestId('principal').waitFor();
}

/** Requests the page made to any other origin than the hub's (there must be none). */
export function watchForeignRequests(page: Page, hub: TestHub): string[] {
  const origin = new URL(hub.url).origin;
  const foreign: string[] = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  return foreign;
}

export function expectNoForeign(foreign: string[]): void {
  expect(foreign, 'the console fetched from another origin').toEqual([]);
}
