import { describe, expect, it } from 'vitest';
import type { WindowState } from '../../../connectors/igate/window-state';
import {
  beforeReading,
  closeWindow,
  fixWindow,
  startState,
  takeFresh,
} from '../../../connectors/igate/window-walk';

/** 2026-06-01T00:00:00Z, and the iGate spelling of instants after it (+0700). */
const T0 = Date.UTC(2026, 5, 1);
const igate = (sec: number) => `2026-06-01T07:00:${String(sec).padStart(2, '0')}.000+0700`;
const row = (id: string, sec: number) => ({ id, updatedDate: igate(sec) });

function state(more: Partial<WindowState> = {}): WindowState {
  return {
    from: T0,
    to: T0 + 59_999,
    present: false,
    after: null,
    page: 0,
    total: null,
    span: 60_000,
    cursor: null,
    catchUp: 0,
    ...more,
  };
}

describe('a walk without a checkpoint starts', () => {
  const options = { floor: 1_000, initialSpanMs: 60_000 };
  it.each([
    ['a full walk at the floor', { full: true, cursor: '2026-06-01T00:00:00.000Z' }, 1_000],
    ['a first run at the floor', { full: false, cursor: null }, 1_000],
    ['an incremental run just after its cursor', { full: false, cursor: '2026-06-01T00:00:00.000Z' }, T0 + 1],
    ['an unreadable cursor at the floor', { full: false, cursor: 'yesterday' }, 1_000],
  ])('%s', (_name, read, from) => {
    expect(startState(options, read)).toMatchObject({ from, to: null, span: 60_000, page: 0 });
  });
});

describe('the next window is fixed', () => {
  it.each([
    ['by its span, in the past', state({ to: null }), T0 + 600_000, { to: T0 + 59_999, present: false }],
    [
      'at the present when it is nearer',
      state({ to: null }),
      T0 + 10_000,
      { to: T0 + 10_000, present: true },
    ],
    ['never: the walk reached the present', state({ to: null }), T0 - 1, null],
  ])('%s', (_name, st, end, expected) => {
    const fixed = fixWindow(st, end);
    expect(fixed === null ? null : { to: fixed.to, present: fixed.present }).toEqual(expected);
  });
});

describe('an answer is read, or replaced by another request', () => {
  it.each([
    ['a first page within the limit: read', state(), 80, null],
    ['a next page of the same instant, total unchanged: read', state({ page: 2, total: 80 }), 80, null],
    [
      'a next page of the same instant, total moved: the instant again from page 0',
      state({ page: 2, total: 80 }),
      79,
      { page: 0, total: null },
    ],
    ['a first page over the limit: the window halved', state(), 500, { span: 30_000, to: T0 + 29_999 }],
    ['over the limit in a one-second window: read', state({ to: T0 + 999 }), 500, null],
    ['over the limit past the window start: read', state({ after: { at: T0 + 5, id: 'a' } }), 500, null],
    ['no total: read', state(), null, null],
  ])('%s', (_name, st, total, change) => {
    const instead = beforeReading(st, total, 100);
    expect(instead).toEqual(change === null ? null : { ...st, ...change });
  });
});

describe('the fresh rows of an answer', () => {
  it.each([
    ['all new, in order', state(), [row('a', 1), row('b', 2)], ['a', 'b'], ['b', 2], false],
    [
      'behind the position: dropped',
      state({ after: { at: T0 + 2000, id: 'b' } }),
      [row('a', 1), row('b', 2), row('c', 2)],
      ['c'],
      ['c', 2],
      false,
    ],
    [
      'past the window end: dropped, the window ends',
      state({ to: T0 + 1999 }),
      [row('a', 1), row('b', 2)],
      ['a'],
      ['a', 1],
      true,
    ],
    [
      'before the window start: dropped',
      state({ from: T0 + 1500 }),
      [row('a', 1), row('b', 2)],
      ['b'],
      ['b', 2],
      false,
    ],
    [
      'an unreadable date: kept for the mapper to reject',
      state(),
      [{ id: 'x', updatedDate: 'soon' }],
      ['x'],
      null,
      false,
    ],
  ] as const)('%s', (_name, st, content, ids, after, pastEnd) => {
    const got = takeFresh(st, [...content], new Set());
    expect(got.fresh.map((r) => (r as { id: string }).id)).toEqual(ids);
    expect(got.after).toEqual(after === null ? null : { id: after[0], at: T0 + after[1] * 1000 });
    expect(got.pastEnd).toBe(pastEnd);
  });

  it('reports an unreadable row once per window', () => {
    const seen = new Set<string>();
    const bad = { id: 'x', updatedDate: 'soon' };
    expect(takeFresh(state(), [bad], seen).fresh).toHaveLength(1);
    expect(takeFresh(state(), [bad], seen).fresh).toHaveLength(0);
  });
});

describe('a read window is closed', () => {
  const options = { maxWindowRows: 100, maxSpanMs: 100_000 };
  it.each([
    ['a quiet window: the span doubles', state(), 10, { span: 100_000, catchUp: 0 }, false],
    ['a busy window: the span stays', state(), 60, { span: 60_000, catchUp: 0 }, false],
    [
      'at the present: one more catch-up round',
      state({ present: true, catchUp: 1 }),
      60,
      { span: 60_000, catchUp: 2 },
      true,
    ],
  ])('%s', (_name, st, rows, next, atPresent) => {
    const closed = closeWindow(st, rows, options);
    expect(closed.atPresent).toBe(atPresent);
    expect(closed.next).toEqual({
      from: T0 + 60_000,
      to: null,
      present: false,
      after: null,
      page: 0,
      total: null,
      cursor: '2026-06-01T00:00:59.999Z',
      ...next,
    });
  });
});
