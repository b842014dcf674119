/**
 * National procedure codes (`1.001234`, `2.000477`) as a seeded bijection of the index:
 * the code of item i is computed without the others, and a code maps back to its index
 * in O(1), so a simulator can answer `LayThuTuc` for any code of a huge catalogue.
 */
import { rngFor } from '../kit/prng';

export class ProcedureCodes {
  /** Numbers per prefix: codes run `1.000000`–`1.0(P-1)` and `2.000000`–`2.0(P-1)`. */
  private readonly perPrefix: number;
  private readonly space: number;
  private readonly multiplier: number;
  private readonly inverse: number;
  private readonly offset: number;

  constructor(seed: number, count: number) {
    this.perPrefix = count <= 20_000 ? 20_000 : 1_000_000;
    this.space = 2 * this.perPrefix;
    const rng = rngFor(seed, 'procedure-codes');
    let a = rng.int(Math.floor(this.space / 7), this.space - 1);
    // The space is 2^k·5^m, so any multiplier prime to 10 is a permutation.
    while (a % 2 === 0 || a % 5 === 0) a++;
    this.multiplier = a;
    this.inverse = modInverse(a, this.space);
    this.offset = rng.int(0, this.space - 1);
  }

  /** How many distinct codes exist (added procedures must stay below it). */
  get capacity(): number {
    return this.space;
  }

  codeAt(index: number): string {
    if (!Number.isInteger(index) || index < 0 || index >= this.space)
      throw new RangeError(`world_index_out_of_range: ${index}`);
    const v = (mulMod(this.multiplier, index, this.space) + this.offset) % this.space;
    const prefix = v < this.perPrefix ? 1 : 2;
    return `${prefix}.${String(v % this.perPrefix).padStart(6, '0')}`;
  }

  /** The index of a code, or null when it is no code of this world. */
  indexOf(code: string): number | null {
    const m = /^([12])\.(\d{6})$/.exec(code);
    if (!m) return null;
    const n = Number(m[2]);
    if (n >= this.perPrefix) return null;
    const v = (Number(m[1]) - 1) * this.perPrefix + n;
    return mulMod((v - this.offset + this.space) % this.space, this.inverse, this.space);
  }
}

function mulMod(a: number, b: number, m: number): number {
  return Number((BigInt(a) * BigInt(b)) % BigInt(m));
}

function modInverse(a: number, m: number): number {
  let [oldR, r] = [a, m];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const q = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}
