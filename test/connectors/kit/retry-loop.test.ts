import { describe, expect, it } from 'vitest';
import { withRetries } from '../../../connectors/kit/retry';

/** An attempt failing its first `failFirst` calls; each call sees the failures so far. */
function flaky(failFirst: number) {
  const seen: number[] = [];
  return {
    seen,
    attempt: async (failures: number) => {
      seen.push(failures);
      if (seen.length <= failFirst) throw new Error(`failure ${seen.length}`);
      return 'done';
    },
  };
}

describe('the one retry loop', () => {
  it.each([
    ['succeeds at once', 0, 5, 'done', [0], []],
    ['succeeds on the third call', 2, 5, 'done', [0, 1, 2], [1, 2]],
    ['gives up when decide says so, rethrowing the last error', 4, 2, 'failure 3', [0, 1, 2], [1, 2]],
  ] as const)('%s', async (_name, failFirst, retries, result, calls, retried) => {
    const f = flaky(failFirst);
    const onRetry: number[] = [];
    const outcome = await withRetries(f.attempt, {
      decide: (_e, failures) => ({ retry: failures <= retries, reason: 'x', waitMs: 0 }),
      onRetry: (_e, _d, failures) => onRetry.push(failures),
    }).catch((e: Error) => e.message);
    expect(outcome).toBe(result);
    expect(f.seen).toEqual(calls);
    expect(onRetry).toEqual(retried);
  });

  it('stops waiting at once when its signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const outcome = withRetries(
      async () => {
        throw new Error('down');
      },
      { decide: () => ({ retry: true, reason: 'x', waitMs: 60_000 }), signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 20);
    await expect(outcome).rejects.toMatchObject({ code: 'aborted' });
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
