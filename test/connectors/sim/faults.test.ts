import { describe, expect, it } from 'vitest';
import {
  FAULT_KINDS,
  FaultInjector,
  faultOptionsFromEnv,
  TRANSPORT_FAULTS,
} from '../../../connectors/sim/kit/faults';
import { Rng, rngFor } from '../../../connectors/sim/kit/prng';

const drawMany = (injector: FaultInjector, n: number): Array<string | null> =>
  Array.from({ length: n }, () => injector.draw('POST /x', FAULT_KINDS));

describe('seeded randomness', () => {
  it('repeats per (seed, stream, index) and differs otherwise', () => {
    expect(rngFor(1, 'a', 5).next()).toBe(rngFor(1, 'a', 5).next());
    expect(rngFor(1, 'a', 5).next()).not.toBe(rngFor(1, 'a', 6).next());
    expect(rngFor(1, 'a', 5).next()).not.toBe(rngFor(2, 'a', 5).next());
    const rng = new Rng(9);
    const values = Array.from({ length: 10_000 }, () => rng.next());
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });
});

describe('fault injector', () => {
  it('injects nothing by default', () => {
    expect(drawMany(new FaultInjector(), 2000).every((f) => f === null)).toBe(true);
  });

  it('injects at about the configured rate, spread over the kinds, deterministically', () => {
    const a = drawMany(new FaultInjector({ rate: 0.15, seed: 4 }), 20_000);
    const b = drawMany(new FaultInjector({ rate: 0.15, seed: 4 }), 20_000);
    expect(a).toEqual(b);
    const share = a.filter((f) => f !== null).length / a.length;
    expect(share).toBeGreaterThan(0.13);
    expect(share).toBeLessThan(0.17);
    for (const kind of FAULT_KINDS) expect(a).toContain(kind);
    expect(drawMany(new FaultInjector({ rate: 0.15, seed: 5 }), 200)).not.toEqual(a.slice(0, 200));
  });

  it('keeps the rate when a route can carry only some kinds, and honours per-kind rates', () => {
    const injector = new FaultInjector({ rate: 0.2, seed: 1 });
    const draws = Array.from({ length: 10_000 }, () => injector.draw('r', ['http500', 'errorcode']));
    const share = draws.filter((f) => f !== null).length / draws.length;
    expect(share).toBeGreaterThan(0.18);
    expect(share).toBeLessThan(0.22);
    expect(new Set(draws)).toEqual(new Set([null, 'http500', 'errorcode']));
    const only = new FaultInjector({ rates: { slow: 0.1 }, seed: 2 });
    const slow = drawMany(only, 10_000);
    expect(new Set(slow)).toEqual(new Set([null, 'slow']));
    expect(only.counts.slow).toBeGreaterThan(850);
    expect(only.counts.slow).toBeLessThan(1150);
  });

  it('injects enqueued faults first, on a request that can carry them', () => {
    const injector = new FaultInjector();
    injector.enqueue('duplicate', { route: 'list' });
    injector.enqueue('http503', { times: 2 });
    expect(injector.draw('list', TRANSPORT_FAULTS)).toBe('http503');
    expect(injector.draw('other', [...TRANSPORT_FAULTS, 'duplicate'])).toBe('http503');
    expect(injector.draw('other', [...TRANSPORT_FAULTS, 'duplicate'])).toBeNull();
    expect(injector.pending).toBe(1);
    expect(injector.draw('list', [...TRANSPORT_FAULTS, 'duplicate'])).toBe('duplicate');
    expect(injector.counts.http503).toBe(2);
  });

  it('reads its settings from the environment', () => {
    expect(faultOptionsFromEnv({})).toEqual({});
    const options = faultOptionsFromEnv({
      SIM_FAULT_RATE: '0.15',
      SIM_FAULTS: 'http500, slow:0.05,reset',
      SIM_RETRY_AFTER: '0',
      SIM_SLOW_MS: '250',
      SIM_FAULT_SEED: '9',
    });
    expect(options).toEqual({
      rate: 0.15,
      kinds: ['http500', 'slow', 'reset'],
      rates: { slow: 0.05 },
      retryAfterSeconds: 0,
      slowMs: 250,
      seed: 9,
    });
    expect(() => faultOptionsFromEnv({ SIM_FAULTS: 'http418' })).toThrow(/sim_fault_config_invalid/);
    const fromText = new FaultInjector({ rate: 0.2, kinds: 'http500, slow:0.1', seed: 3 });
    const draws = drawMany(fromText, 10_000);
    expect(new Set(draws)).toEqual(new Set([null, 'http500', 'slow']));
    expect(fromText.counts.http500).toBeGreaterThan(1700);
    expect(fromText.counts.slow).toBeLessThan(1150);
    expect(() => faultOptionsFromEnv({ SIM_FAULT_RATE: 'lots' })).toThrow(/sim_fault_config_invalid/);
  });
});
