/**
 * The console's weight and first load: bytes of the built bundle (raw and gzip), and the
 * time from navigation to the overview's source cards in headless Chromium over loopback,
 * with an empty cache and again with a warm one. Medians of BENCH_CONSOLE_LOADS (7).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CONSOLE_DIST } from '../../src/console-assets';
import { launchBrowser } from '../console/support/browser';
import { buildConsoleIfStale } from '../support/console-build';
import { startTestHub, TEST_KEY, testConfig } from '../support/hub';
import type { BenchPostgres } from './support';

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function bundleSizes(): void {
  const groups = new Map<string, { raw: number; gzip: number; files: number }>();
  const files = ['index.html', ...readdirSync(path.join(CONSOLE_DIST, 'assets')).map((f) => `assets/${f}`)];
  for (const f of files) {
    const body = readFileSync(path.join(CONSOLE_DIST, f));
    const ext = path.extname(f).slice(1);
    const g = groups.get(ext) ?? { raw: 0, gzip: 0, files: 0 };
    g.raw += statSync(path.join(CONSOLE_DIST, f)).size;
    g.gzip += ext === 'woff2' || ext === 'woff' ? body.length : gzipSync(body).length;
    g.files += 1;
    groups.set(ext, g);
  }
  console.log('\n## console bundle (dist/console)');
  console.log('| kind | files | raw | gzip (fonts as stored) |\n|---|---|---|---|');
  for (const [ext, g] of [...groups].sort())
    console.log(`| ${ext} | ${g.files} | ${kb(g.raw)} | ${kb(g.gzip)} |`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

export async function consoleBench(pg: BenchPostgres): Promise<void> {
  buildConsoleIfStale();
  bundleSizes();
  const loads = Number(process.env.BENCH_CONSOLE_LOADS ?? 7);
  const database = await pg.database();
  const db = { url: database.url, orm: database.orm, truncate: async () => {}, drop: database.drop };
  const hub = await startTestHub(db, testConfig());
  const browser = await launchBrowser();
  try {
    const origin = new URL(hub.url).origin;
    const page = await browser.newPage();
    // Signed in as the console keeps a key (src/console/app/credential.ts).
    const credential = JSON.stringify({ kind: 'key', secret: TEST_KEY });
    await page.addInitScript(
      `sessionStorage.setItem('tthc-console-credential', ${JSON.stringify(credential)})`,
    );
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    const timeOne = async (cold: boolean) => {
      if (cold) await cdp.send('Network.clearBrowserCache');
      const started = Date.now();
      await page.goto(`${origin}/console/`);
      await page.locator('[data-testid="sources"] li').first().waitFor();
      await page.evaluate('document.fonts.ready');
      return Date.now() - started;
    };
    await timeOne(true); // the hub's first answers (schema, pools) are not the console's
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < loads; i++) {
      cold.push(await timeOne(true));
      warm.push(await timeOne(false));
    }
    console.log('\n## console first load over loopback (navigation → overview cards shown, fonts ready)');
    console.log('| cache | median | min | max |\n|---|---|---|---|');
    for (const [name, xs] of [
      ['empty', cold],
      ['warm', warm],
    ] as const) {
      console.log(`| ${name} | ${median(xs)} ms | ${Math.min(...xs)} ms | ${Math.max(...xs)} ms |`);
    }
    console.log(`(${loads} loads each, headless Chromium, empty database; the machine is shared: noisy)`);
  } finally {
    await browser.close();
    await hub.close();
    await database.drop();
  }
}
