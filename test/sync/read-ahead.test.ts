import { describe, expect, it } from 'vitest';
import { readAhead } from '../../src/sync/read-ahead';

describe('readAhead', () => {
  it('starts the next item before the consumer finishes the current one, keeping order', async () => {
    const events: string[] = [];
    async function* source() {
      for (let i = 0; i < 3; i++) {
        events.push(`fetch ${i}`);
        await new Promise((r) => setTimeout(r, 5));
        yield i;
      }
    }
    const seen: number[] = [];
    for await (const v of readAhead(source())) {
      events.push(`handle ${v} start`);
      await new Promise((r) => setTimeout(r, 20));
      events.push(`handle ${v} end`);
      seen.push(v);
    }
    expect(seen).toEqual([0, 1, 2]);
    expect(events.indexOf('fetch 1')).toBeLessThan(events.indexOf('handle 0 end'));
  });

  it('reports an error of the next item only after the current one was handled', async () => {
    async function* source() {
      yield 1;
      throw new Error('page 2 failed');
    }
    const handled: number[] = [];
    await expect(
      (async () => {
        for await (const v of readAhead(source())) {
          await new Promise((r) => setTimeout(r, 10));
          handled.push(v);
        }
      })(),
    ).rejects.toThrow('page 2 failed');
    expect(handled).toEqual([1]);
  });

  it('closes the source when the consumer stops early', async () => {
    let closed = false;
    async function* source() {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        closed = true;
      }
    }
    for await (const v of readAhead(source())) if (v === 2) break;
    expect(closed).toBe(true);
  });
});
