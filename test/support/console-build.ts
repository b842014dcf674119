/** Builds dist/console once per test run when its inputs changed (a no-op otherwise). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { consoleBuildIsCurrent, PROJECT_ROOT } from '../../src/console/build/inputs';

export function buildConsoleIfStale(): void {
  if (consoleBuildIsCurrent()) return;
  const run = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', path.join('src', 'console', 'build', 'build-console.ts')],
    { cwd: PROJECT_ROOT, stdio: 'inherit' },
  );
  if (run.status !== 0) throw new Error('the console build failed (npm run console:build)');
}
