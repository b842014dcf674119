/**
 * `npm run console:build`: builds the console with Vite unless dist/console already holds
 * a build of the same inputs (so `npm start` with nothing changed spends no time here).
 * `--force` builds anyway.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONSOLE_DIR, consoleBuildIsCurrent, consoleInputsHash, PROJECT_ROOT, STAMP_FILE } from './inputs';

function main(): number {
  const force = process.argv.includes('--force');
  if (!force && consoleBuildIsCurrent()) {
    console.log('console: dist/console is up to date');
    return 0;
  }
  const hash = consoleInputsHash();
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const config = path.join(CONSOLE_DIR, 'build', 'vite.config.mts');
  const started = Date.now();
  const run = spawnSync(process.execPath, [vite, 'build', '--config', config], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    console.error('console: the Vite build failed');
    return run.status ?? 1;
  }
  writeFileSync(STAMP_FILE, `${hash}\n`);
  console.log(`console: built dist/console in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

process.exitCode = main();
