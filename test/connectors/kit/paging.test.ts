import { describe, expect, it } from 'vitest';
import { Limiter, mapConcurrent } from '../../../connectors/kit/limiter';
import { type PageResult, paginate, type StopReason } from '../../../connectors/kit/paging';

async function walk<T>(options: Parameters<typeof paginate<T>>[0]) {
  const positions: number[] = [];
  const items: T[] = [];
  let stopped: StopReason | undefined;
  for await (const page of paginate({
    ...options,
    onStop: (reason) => {
      stopped = reason;
    },
  })) {
    positions.push(page.position);
    items.push(...page.items);
  }
  return { positions, items, stopped };
}

const numbers = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i);

describe('paginate', () => {
  it('walks 1-based pages to the end, not stopping at the announced total', async () => {
    const calls: number[] = [];
    const result = await walk<number>({
      startPage: 1,
      fetch: async (page) => {
        calls.push(page);
        return { items: page > 3 ? [] : numbers((page - 1) * 10, page === 3 ? 5 : 10), total: 25 };
      },
    });
    expect(result).toEqual({ positions: [1, 2, 3], items: numbers(0, 25), stopped: 'empty' });
    expect(calls).toEqual([1, 2, 3, 4]);
  });

  it('walks 0-based pages until the last flag', async () => {
    const result = await walk<number>({
      startPage: 0,
      fetch: async (page) => ({ items: numbers(page * 2, 2), last: page === 2 }),
    });
    expect(result).toEqual({ positions: [0, 1, 2], items: numbers(0, 6), stopped: 'last' });
  });

  it('walks offsets by the number of items received until an empty page', async () => {
    const data = numbers(0, 7);
    const result = await walk<number>({
      startPage: 0,
      style: 'offset',
      fetch: async (offset) => ({ items: data.slice(offset, offset + 3) }),
    });
    expect(result).toEqual({ positions: [0, 3, 6], items: data, stopped: 'empty' });
  });

  it('stops when the upstream repeats its last page forever', async () => {
    let calls = 0;
    const result = await walk<{ id: string }>({
      startPage: 1,
      keyOf: (item) => item.id,
      fetch: async (page) => {
        calls += 1;
        if (calls > 10) throw new Error('did not stop');
        return { items: page === 1 ? [{ id: 'a' }] : [{ id: 'b' }] };
      },
    });
    expect(result.items).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(result.stopped).toBe('repeated');
    expect(calls).toBe(3);
  });

  it('reads the last page even when a repeated row made the pages add up to the total early', async () => {
    // 21 rows, pages of 10; page 2 repeats row 9 at its top (the "same record on two pages" fault).
    const pages: Record<number, number[]> = { 1: numbers(0, 10), 2: [9, ...numbers(10, 10)], 3: [20] };
    const result = await walk<number>({
      startPage: 1,
      fetch: async (page) => ({ items: pages[page] ?? [], total: 21 }),
    });
    expect(result.items).toContain(20);
    expect(result.stopped).toBe('empty');
  });

  it('streams: the next page is fetched only when the consumer asks for it', async () => {
    const fetched: number[] = [];
    const pages = paginate<number>({
      startPage: 1,
      fetch: async (page): Promise<PageResult<number>> => {
        fetched.push(page);
        return { items: [page] };
      },
    });
    await pages.next();
    expect(fetched).toEqual([1]);
    await pages.next();
    expect(fetched).toEqual([1, 2]);
    await pages.return('empty');
  });
});

describe('Limiter and mapConcurrent', () => {
  it('keeps order and caps calls in flight', async () => {
    let inFlight = 0;
    let max = 0;
    const out = await mapConcurrent(numbers(0, 20), 4, async (n) => {
      inFlight += 1;
      max = Math.max(max, inFlight);
      await new Promise((r) => setTimeout(r, 20 - n));
      inFlight -= 1;
      return n * 2;
    });
    expect(out).toEqual(numbers(0, 20).map((n) => n * 2));
    expect(max).toBe(4);
  });

  it('stops taking new items after a failure', async () => {
    const started: number[] = [];
    const run = mapConcurrent(numbers(0, 50), 2, async (n) => {
      started.push(n);
      if (n === 3) throw new Error('boom');
      await new Promise((r) => setTimeout(r, 1));
    });
    await expect(run).rejects.toThrow('boom');
    expect(started.length).toBeLessThan(10);
  });

  it('rejects a non-positive limit', () => {
    expect(() => new Limiter(0)).toThrow(RangeError);
  });
});
