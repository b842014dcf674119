import { AxiosError, AxiosHeaders } from 'axios';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, ConnectorError, UpstreamProtocolError } from '../../../connectors/kit/errors';
import { backoffMs, decideRetry, parseRetryAfter, type RetryPolicy } from '../../../connectors/kit/retry';

const NOW = Date.parse('2020-03-05T08:00:00Z');
const policy: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  maxRetryAfterMs: 30_000,
  random: () => 0.5,
  now: () => NOW,
};

const status = (code: number, retryAfter?: string): ConnectorError =>
  new ConnectorError(`http_${code}`, 'x', { status: code, ...(retryAfter ? { retryAfter } : {}) });
const netError = (code: string): Error => Object.assign(new Error(`connect ${code}`), { code });
const axiosResponseError = (code: number): AxiosError => {
  const config = { headers: new AxiosHeaders() };
  return new AxiosError('bad', 'ERR_BAD_RESPONSE', config, null, {
    status: code,
    statusText: '',
    headers: { 'retry-after': '2' },
    config,
    data: '',
  });
};

describe('decideRetry', () => {
  it.each<[string, unknown, boolean, number]>([
    ['500', status(500), true, 50],
    ['502', status(502), true, 50],
    ['503', status(503), true, 50],
    ['504', status(504), true, 50],
    ['408', status(408), true, 50],
    ['429 without Retry-After', status(429), true, 50],
    ['429 Retry-After seconds', status(429, '7'), true, 7_000],
    ['429 Retry-After HTTP-date', status(429, new Date(NOW + 12_000).toUTCString()), true, 12_000],
    ['429 Retry-After in the past', status(429, new Date(NOW - 5_000).toUTCString()), true, 0],
    ['429 Retry-After capped', status(429, '3600'), true, 30_000],
    ['429 unreadable Retry-After', status(429, 'soon'), true, 50],
    ['ECONNRESET', netError('ECONNRESET'), true, 50],
    ['ECONNREFUSED', netError('ECONNREFUSED'), true, 50],
    ['ETIMEDOUT', netError('ETIMEDOUT'), true, 50],
    ['ECONNABORTED', netError('ECONNABORTED'), true, 50],
    // As Node raises them: each with its code (the message is never read).
    ['socket hang up', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), true, 50],
    ['aborted body', Object.assign(new Error('aborted'), { code: 'ECONNRESET' }), true, 50],
    [
      'premature close',
      Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }),
      true,
      50,
    ],
    ['undici terminated', new TypeError('terminated', { cause: netError('UND_ERR_SOCKET') }), true, 50],
    ['a message that only sounds like the network', new Error('socket hang up'), false, 0],
    ['truncated JSON', new SyntaxError('Unexpected end of JSON input'), true, 50],
    ['timeout error', new ConnectorError('timeout', 'slow', { retryable: true }), true, 50],
    ['bad_body error', new ConnectorError('bad_body', 'x', { retryable: true }), true, 50],
    [
      'retryable upstream code',
      new UpstreamProtocolError('national_internal', -500, 'x', { retryable: true }),
      true,
      50,
    ],
    ['axios 503 response', axiosResponseError(503), true, 2_000],
    ['axios 404 response', axiosResponseError(404), false, 0],
    ['400', status(400), false, 0],
    ['401', status(401), false, 0],
    ['403', status(403), false, 0],
    ['404', status(404), false, 0],
    ['422', status(422), false, 0],
    ['configuration error', new ConfigurationError('bad_credentials', 'X_PASSWORD', 'refused'), false, 0],
    ['non-retryable upstream code', new UpstreamProtocolError('national_error', -7, 'x'), false, 0],
    ['programming error', new TypeError('x is undefined'), false, 0],
    ['a string', 'boom', false, 0],
  ])('%s', (_name, error, retry, waitMs) => {
    const decision = decideRetry(error, 1, policy);
    expect(decision.retry).toBe(retry);
    expect(decision.waitMs).toBe(waitMs);
    expect(decision.reason).not.toBe('');
  });

  it('stops after maxRetries attempts', () => {
    expect(decideRetry(status(503), 3, policy).retry).toBe(true);
    const last = decideRetry(status(503), 4, policy);
    expect(last.retry).toBe(false);
    expect(last.reason).toContain('gave up after 4 attempts');
  });

  it('never retries a caller cancellation', () => {
    const canceled = new AxiosError('canceled', 'ERR_CANCELED');
    expect(decideRetry(canceled, 1, policy).retry).toBe(false);
  });
});

describe('backoffMs', () => {
  it.each<[number, number, number]>([
    [1, 0.999, 99],
    [2, 0.999, 199],
    [3, 0.999, 399],
    [4, 0.999, 799],
    [5, 0.999, 999],
    [12, 0.999, 999],
    [3, 0, 0],
  ])('attempt %i with random %f waits %i ms', (attempt, random, expected) => {
    expect(backoffMs(attempt, { ...policy, random: () => random })).toBe(expected);
  });
});

describe('parseRetryAfter', () => {
  it.each<[string | undefined, number | null]>([
    [undefined, null],
    ['', null],
    ['0', 0],
    ['1.5', 1_500],
    [new Date(NOW + 3_000).toUTCString(), 3_000],
    ['next tuesday', null],
  ])('%s → %s', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});
