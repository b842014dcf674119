import { describe, expect, it } from 'vitest';
import { afterPass, PassWatch, startPosition } from '../../../connectors/pakn/pass';
import type { WalkPosition } from '../../../connectors/pakn/windows';

const TODAY = '2026-06-10';
const LIMITS = { maxWindowRows: 100, maxPasses: 3 };

function at(from: string, to: string, more: Partial<WalkPosition> = {}): WalkPosition {
  return { from, to, span: 4, page: 3, pass: 1, total: 40, cursor: '2026-05-31', ...more };
}

function watch(moved: boolean): PassWatch {
  const w = new PassWatch(40);
  if (moved) w.flag('tongSoBanGhi moved from 40 to 39');
  return w;
}

describe('where the walk goes after a pass over a window', () => {
  it.each([
    [
      'a quiet pass: on to the next window, the span doubled (few rows), the cursor at its end',
      at('2026-06-01', '2026-06-04'),
      { moved: false, rows: 10, full: false },
      {
        next: at('2026-06-05', '2026-06-10', { span: 8, page: 1, total: null, cursor: '2026-06-04' }),
        code: null,
      },
    ],
    [
      'a quiet crowded pass: the span halved',
      at('2026-06-01', '2026-06-04'),
      { moved: false, rows: 150, full: false },
      {
        next: at('2026-06-05', '2026-06-06', { span: 2, page: 1, total: null, cursor: '2026-06-04' }),
        code: null,
      },
    ],
    [
      'rows moved in a four-day window: its first two days next',
      at('2026-06-01', '2026-06-04'),
      { moved: true, rows: 40, full: false },
      { next: at('2026-06-01', '2026-06-02', { span: 2, page: 1, total: null }), code: null },
    ],
    [
      'rows moved in one day: the same day again, one more pass',
      at('2026-06-01', '2026-06-01', { pass: 2 }),
      { moved: true, rows: 40, full: false },
      { next: at('2026-06-01', '2026-06-01', { page: 1, pass: 3, total: null }), code: null },
    ],
    [
      'today kept moving in an incremental run: on, the cursor left before today',
      at(TODAY, TODAY, { pass: 3 }),
      { moved: true, rows: 40, full: false },
      // A window after today is where a finished walk stands.
      { next: at('2026-06-11', '2026-06-11', { page: 1, total: null }), code: null },
    ],
    [
      'today kept moving in a full walk: the stream fails',
      at(TODAY, TODAY, { pass: 3 }),
      { moved: true, rows: 40, full: true },
      { next: at(TODAY, TODAY, { page: 1, pass: 1, total: null }), code: 'pakn_window_unstable' },
    ],
    [
      'a past day kept moving: the stream fails, a resumed run reads the day again',
      at('2026-06-01', '2026-06-01', { pass: 3 }),
      { moved: true, rows: 40, full: false },
      {
        next: at('2026-06-01', '2026-06-01', { page: 1, pass: 1, total: null }),
        code: 'pakn_window_unstable',
      },
    ],
  ])('%s', (_name, position, pass, expected) => {
    const outcome = afterPass(position, watch(pass.moved), pass.rows, TODAY, pass.full, LIMITS);
    expect(outcome.next).toEqual(expected.next);
    expect(outcome.failure?.code ?? null).toBe(expected.code);
  });
});

describe('where a walk without a checkpoint starts', () => {
  const options = { firstDay: '2026-01-01', windowDays: 7 };
  it.each([
    [
      'a full walk: the first day, no cursor',
      { full: true, cursor: '2026-06-01' },
      ['2026-01-01', '2026-01-07', null],
    ],
    [
      'an incremental run: the cursor day again',
      { full: false, cursor: '2026-06-01' },
      ['2026-06-01', '2026-06-07', '2026-06-01'],
    ],
    ['a first run: the first day', { full: false, cursor: null }, ['2026-01-01', '2026-01-07', null]],
    [
      'a cursor that is no day: the first day',
      { full: false, cursor: 'soon' },
      ['2026-01-01', '2026-01-07', 'soon'],
    ],
    ['a cursor after today: today', { full: false, cursor: '2026-07-01' }, [TODAY, TODAY, '2026-07-01']],
  ] as const)('%s', (_name, read, [from, to, cursor]) => {
    expect(startPosition(read, options, TODAY)).toMatchObject({ from, to, cursor, page: 1, pass: 1 });
  });
});

describe('the signs that rows moved during a pass', () => {
  it.each([
    [
      'the same total, new rows',
      [
        [40, ['a', 'b']],
        [40, ['c']],
      ],
      null,
      3,
    ],
    [
      'the total moved',
      [
        [40, ['a']],
        [39, ['b']],
      ],
      'tongSoBanGhi moved from 40 to 39',
      2,
    ],
    [
      'a row came back',
      [
        [40, ['a', 'b']],
        [40, ['b']],
      ],
      'a record came back on a later page',
      2,
    ],
    [
      'no total at all',
      [
        [null, ['a']],
        [null, ['b']],
      ],
      null,
      2,
    ],
  ] as const)('%s', (_name, pages, reason, count) => {
    const w = new PassWatch(null);
    for (const [total, ids] of pages)
      w.observe(
        total,
        ids.map((id) => ({ maPakn: id })),
      );
    expect(w.reason).toBe(reason);
    expect(w.count).toBe(count);
  });
});
