import { describe, expect, it } from 'vitest';
import { ConfigurationError, ConnectorError } from '../../connectors/kit/errors';
import { runStatus, stopsTheRun } from '../../src/sync/runner';
import { WalkInterrupted } from '../../src/sync/walk';

describe('a run status from what its streams came to', () => {
  const base = { streams: 2, failures: 0, heldDeletions: 0, stopped: false, interrupted: false };
  it.each([
    ['every stream ok', {}, 'SUCCEEDED'],
    ['every stream ok, deletions held', { heldDeletions: 3 }, 'HELD'],
    ['one of two failed', { failures: 1 }, 'PARTIAL'],
    ['one of two failed, deletions held elsewhere', { failures: 1, heldDeletions: 3 }, 'PARTIAL'],
    ['both failed', { failures: 2 }, 'FAILED'],
    ['the only stream failed', { streams: 1, failures: 1 }, 'FAILED'],
    ['one failed in a way that stops the run', { failures: 1, stopped: true }, 'FAILED'],
    ['interrupted with no failure', { interrupted: true }, 'ABANDONED'],
    ['interrupted after a failure', { failures: 1, stopped: true, interrupted: true }, 'ABANDONED'],
  ] as const)('%s: %s', (_name, change, status) => {
    expect(runStatus({ ...base, ...change })).toBe(status);
  });
});

describe('which stream failures stop the run', () => {
  it.each([
    ['bad credentials', new ConfigurationError('igate_login_refused', 'IGATE_PASSWORD', 'refused'), true],
    ['an interrupted walk', new WalkInterrupted(), true],
    ['an upstream answering 503', new ConnectorError('http_503', 'unavailable', { retryable: true }), false],
    ['a plain error', new Error('boom'), false],
  ])('%s: %s', (_name, error, stops) => {
    expect(stopsTheRun(error)).toBe(stops);
  });
});
