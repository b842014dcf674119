/**
 * Money is integer Vietnamese đồng. Upstream sends a number or a string of digits
 * (upstream-apis.md, "Conventions that hold for all three"). Thousands separators are
 * rejected on purpose: no portal is documented to send them, and `1.500` could be
 * 1500 đồng or a decimal 1.5, so guessing would silently change amounts.
 */

export class MoneyParseError extends Error {
  readonly value: unknown;

  constructor(value: unknown, reason: string) {
    super(
      `expected an amount in đồng (a non-negative integer or a string of digits), got ${describe(value)}: ${reason}`,
    );
    this.name = 'MoneyParseError';
    this.value = value;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value);
  if (typeof value === 'number') return String(value);
  return value === null ? 'null' : typeof value;
}

const DIGITS = /^[0-9]+$/;

/** Integer đồng from a number or a digit string (surrounding whitespace allowed). */
export function parseVnd(value: unknown): number {
  if (typeof value === 'number') return checkAmount(value, value);
  if (typeof value !== 'string') throw new MoneyParseError(value, 'not a number or a string');
  const trimmed = value.trim();
  if (!DIGITS.test(trimmed)) {
    throw new MoneyParseError(value, trimmed === '' ? 'empty' : 'only the digits 0–9 are allowed');
  }
  return checkAmount(Number(trimmed), value);
}

function checkAmount(n: number, raw: unknown): number {
  if (Number.isNaN(n)) throw new MoneyParseError(raw, 'not a number');
  if (!Number.isFinite(n)) throw new MoneyParseError(raw, 'not finite');
  if (n < 0) throw new MoneyParseError(raw, 'negative');
  if (!Number.isInteger(n)) throw new MoneyParseError(raw, 'not a whole number of đồng');
  if (!Number.isSafeInteger(n)) throw new MoneyParseError(raw, 'too large to be exact');
  return n === 0 ? 0 : n; // turns -0 into 0
}

/** `1.500.000 đ`: Vietnamese grouping with dots. */
export function formatVnd(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`expected a whole number of đồng, got ${n}`);
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${n < 0 ? '-' : ''}${digits} đ`;
}
