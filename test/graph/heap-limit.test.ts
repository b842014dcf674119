/**
 * The memory guard measures the old generation against its own limit, which V8 does not
 * report: it is derived from heap_size_limit minus the young generation's reserve. Each
 * case starts a Node process of the runtime running the tests (Node 20 in the suite,
 * Node 24 in CI's last stage) with a known old-space size and checks the derived limit is
 * exactly that size, so a runtime whose young generation differs fails here.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxSemiSpaceMiB } from '../../src/graph/request-budget';

const ROOT = path.resolve(__dirname, '..', '..');

function derivedLimitMiB(nodeFlags: string[], env: Record<string, string> = {}): number {
  const out = execFileSync(
    process.execPath,
    [
      ...nodeFlags,
      '-r',
      '@swc-node/register',
      '-e',
      `const { OLD_GENERATION_LIMIT } = require('./src/graph/request-budget'); console.log(OLD_GENERATION_LIMIT / 2 ** 20)`,
    ],
    { cwd: ROOT, env: { ...process.env, ...env } },
  );
  return Number(out.toString().trim());
}

describe('the old generation limit the memory guard measures against', () => {
  it('is the old space size given to this runtime', () => {
    expect(derivedLimitMiB(['--max-old-space-size=384'])).toBe(384);
  }, 60_000);

  it('takes a semi-space size given on the command line or in NODE_OPTIONS', () => {
    expect(derivedLimitMiB(['--max-old-space-size=512', '--max-semi-space-size=32'])).toBe(512);
    expect(derivedLimitMiB([], { NODE_OPTIONS: '--max-old-space-size=256 --max-semi-space-size=8' })).toBe(
      256,
    );
  }, 60_000);

  it('is crossed by what is live, not by garbage V8 has not collected yet', () => {
    // 8 KiB arrays past the 70 % line of a 64 MiB old space: over it while held; once
    // dropped they still count in the used size, and the guard has V8 collect before it
    // answers (here with no wait between two collections).
    const out = execFileSync(
      process.execPath,
      [
        '--max-old-space-size=64',
        '-r',
        '@swc-node/register',
        '-e',
        `const { heapNearLimit } = require('./src/graph/request-budget');
         const { getHeapStatistics } = require('node:v8');
         const line = 0.7 * 64 * 2 ** 20;
         const used = () => getHeapStatistics().used_heap_size;
         let held = [];
         while (used() < line + 8 * 2 ** 20) held.push(new Array(1024).fill(held.length));
         const whileHeld = heapNearLimit(0);
         held = null;
         const garbageOverLine = used() > line;
         console.log(JSON.stringify({ whileHeld, garbageOverLine, afterDropped: heapNearLimit(0) }));`,
      ],
      { cwd: ROOT },
    );
    expect(JSON.parse(out.toString())).toEqual({
      whileHeld: true,
      garbageOverLine: true,
      afterDropped: false,
    });
  }, 60_000);

  it('reads the flag in each form Node accepts, else the default of the V8 version', () => {
    expect(maxSemiSpaceMiB(['--max-semi-space-size=32'], '11.3.244')).toBe(32);
    expect(maxSemiSpaceMiB(['--max_semi_space_size', '48'], '13.6.233')).toBe(48);
    expect(maxSemiSpaceMiB(['--inspect'], '11.3.244')).toBe(16);
    expect(maxSemiSpaceMiB([], '13.6.233')).toBe(64);
  });
});
