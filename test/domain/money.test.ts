import { describe, expect, it } from 'vitest';
import { formatVnd, MoneyParseError, parseVnd } from '../../src/domain/money';

describe('parseVnd', () => {
  it.each([
    [1500000, 1500000],
    [0, 0],
    [-0, 0],
    ['1500000', 1500000],
    [' 1500000\n', 1500000],
    ['0', 0],
    ['007', 7],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('%j → %d', (input, expected) => {
    expect(Object.is(parseVnd(input), expected)).toBe(true);
  });

  it.each([
    [-1, 'negative'],
    ['-1', 'digits'],
    [1.5, 'whole'],
    ['1.5', 'digits'],
    ['1.500.000', 'digits'],
    ['1,500,000', 'digits'],
    ['1500000.00', 'digits'],
    ['1e6', 'digits'],
    ['+15', 'digits'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['15 000', 'digits'],
    ['１５', 'digits'],
    [Number.NaN, 'not a number'],
    [Number.POSITIVE_INFINITY, 'finite'],
    [Number.MAX_SAFE_INTEGER + 1, 'too large'],
    ['9007199254740993', 'too large'],
    [true, 'not a number or a string'],
    [null, 'not a number or a string'],
    [undefined, 'not a number or a string'],
    [{ amount: 1 }, 'not a number or a string'],
  ])('rejects %j (%s)', (input, reason) => {
    let error: unknown;
    try {
      parseVnd(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MoneyParseError);
    expect((error as MoneyParseError).message).toContain(reason);
    expect((error as MoneyParseError).value).toBe(input);
  });
});

it('rejects bigint (JSON never carries one; a caller passing it made a mistake)', () => {
  expect(() => parseVnd(BigInt(5))).toThrow(MoneyParseError);
});

describe('formatVnd', () => {
  it.each([
    [1500000, '1.500.000 đ'],
    [0, '0 đ'],
    [999, '999 đ'],
    [1000, '1.000 đ'],
    [-25000, '-25.000 đ'],
  ])('%d → %s', (n, expected) => {
    expect(formatVnd(n)).toBe(expected);
  });

  it('rejects fractions', () => {
    expect(() => formatVnd(1.5)).toThrow(RangeError);
  });
});
