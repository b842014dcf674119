/**
 * How a request's budget paces its work (src/graph/request-budget.ts). What is counted here
 * is deterministic: how many waiters a turn of the event loop wakes, how many loaded values
 * one burst hands on, how often the heap is looked at. The heap guard's end-to-end test is
 * test/heap-guard.test.ts; these pin the bounds it relies on.
 *
 * A monitor re-queued with setImmediate reads, at each turn of the loop, how much work ran
 * since the last turn: the budget's own turns are immediates queued after it.
 */
import { describe, expect, it } from 'vitest';
import { RequestBudget } from '../../src/graph/request-budget';

/** Counts the work done between turns of the loop until `done` settles. */
async function perTurn(run: (mark: () => void) => Promise<unknown>): Promise<number[]> {
  const turns: number[] = [];
  let since = 0;
  let finished = false;
  const monitor = () => {
    turns.push(since);
    since = 0;
    if (!finished) setImmediate(monitor);
  };
  setImmediate(monitor);
  await run(() => {
    since++;
  });
  finished = true;
  await new Promise((r) => setImmediate(r));
  return turns.filter((n, i) => n > 0 || i === 0);
}

const never = (p: Promise<unknown>, ms = 50) =>
  Promise.race([p.then(() => 'settled'), new Promise((r) => setTimeout(() => r('pending'), ms))]);

describe('a request budget paces its work', () => {
  it('hands one loaded value to many resolvers at most 256 in one burst, the rest 64 a turn, in order', async () => {
    const budget = new RequestBudget(60_000, () => false);
    const shared = Promise.resolve('page');
    const order: number[] = [];
    const turns = await perTurn((mark) =>
      Promise.all(
        Array.from({ length: 10_000 }, (_, i) =>
          budget.paced(shared).then((v) => {
            expect(v).toBe('page');
            order.push(i);
            mark();
          }),
        ),
      ),
    );
    expect(turns.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(turns[0]).toBeLessThanOrEqual(256);
    expect(Math.max(...turns.slice(1))).toBeLessThanOrEqual(64);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('wakes resolvers waiting for their turn 64 at a time, first come first woken', async () => {
    const budget = new RequestBudget(60_000, () => false);
    const woken: number[] = [];
    const turns = await perTurn((mark) =>
      Promise.all(
        Array.from({ length: 1_000 }, (_, i) =>
          budget.pace().then(() => {
            woken.push(i);
            mark();
          }),
        ),
      ),
    );
    expect(woken).toEqual(Array.from({ length: 1_000 }, (_, i) => i));
    expect(Math.max(...turns)).toBeLessThanOrEqual(64);
    expect(turns.length).toBeGreaterThanOrEqual(1_000 / 64);
  });

  it('queues new work behind the work already waiting', async () => {
    const budget = new RequestBudget(60_000, () => false);
    expect(budget.mustPace()).toBe(false);
    const waiting = budget.pace();
    expect(budget.mustPace()).toBe(true);
    await waiting;
    await new Promise((r) => setImmediate(r));
    expect(budget.mustPace()).toBe(false);
  });

  it('dispatches a loader batch only once no work of the request waits for its turn', async () => {
    const budget = new RequestBudget(60_000, () => false);
    let woken = 0;
    const waiters = Array.from({ length: 500 }, () => budget.pace().then(() => woken++));
    const dispatchedAfter = await new Promise<number>((resolve) =>
      budget.scheduleBatch(() => resolve(woken)),
    );
    await Promise.all(waiters);
    expect(dispatchedAfter).toBe(500);
  });

  it('looks at the heap every 512 resolver calls, even within one burst, and stops there when it is full', () => {
    let looks = 0;
    const budget = new RequestBudget(60_000, () => ++looks >= 3);
    let calls = 0;
    while (!budget.stopped && calls < 10_000) {
      budget.mustPace();
      calls++;
    }
    expect(looks).toBe(3);
    expect(calls).toBe(3 * 512);
    expect(budget.stopped).toBe('REQUEST_TOO_LARGE');
    expect(budget.mustPace()).toBe(true);
  });

  it('wakes no waiter and hands on no value once stopped, and looks at the heap at each turn', async () => {
    let full = false;
    const budget = new RequestBudget(60_000, () => full);
    let ran = 0;
    const waiters = Array.from({ length: 200 }, () => budget.pace().then(() => ran++));
    const values = Array.from({ length: 1_000 }, () => budget.paced(Promise.resolve(1)).then(() => ran++));
    await new Promise((r) => setImmediate(r)); // the first turn wakes 64 of the waiters
    const before = ran;
    expect(before).toBe(64);
    full = true; // the next turn's look stops the request
    expect(await never(Promise.race([...waiters, ...values].slice(-1000)))).toBe('pending');
    expect(budget.stopped).toBe('REQUEST_TOO_LARGE');
    expect(ran).toBe(before);
    expect(await never(budget.pace())).toBe('pending');
  });
});
