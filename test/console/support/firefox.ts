/**
 * Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi (playwright-core drives
 * only its own patched Firefox builds, which this closed network cannot download).
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const hasFirefox = existsSync(FIREFOX);

export function launchFirefox(): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // A fresh profile per launch (puppeteer makes and removes it); no updates, no telemetry.
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'intl.accept_languages': 'vi-VN, vi',
    },
  });
}
