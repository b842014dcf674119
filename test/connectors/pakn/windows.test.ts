import { describe, expect, it } from 'vitest';
import {
  decodePosition,
  encodePosition,
  MAX_SPAN_DAYS,
  nextSpan,
  shrunk,
  windowAt,
} from '../../../connectors/pakn/windows';

describe('day windows', () => {
  it('never reach past today', () => {
    expect(windowAt('2021-01-10', 31, '2021-01-15', null)).toMatchObject({
      from: '2021-01-10',
      to: '2021-01-15',
    });
    expect(windowAt('2020-12-01', 7, '2021-01-15', '2020-11-30')).toMatchObject({
      to: '2020-12-07',
      cursor: '2020-11-30',
    });
  });

  it.each([
    [14, 0, 100, 28],
    [300, 0, 100, MAX_SPAN_DAYS],
    [14, 30, 100, 14],
    [14, 101, 100, 7],
    [1, 5000, 100, 1],
  ])('span %i with %i rows (max %i) becomes %i', (span, rows, max, expected) => {
    expect(nextSpan(span, rows, max)).toBe(expected);
  });

  it('halve a crowded window, down to one day', () => {
    const p = windowAt('2020-01-01', 8, '2021-01-15', null);
    expect(shrunk(p, '2021-01-15')).toMatchObject({ from: '2020-01-01', to: '2020-01-04', span: 4 });
    expect(shrunk(windowAt('2020-01-01', 1, '2021-01-15', null), '2021-01-15')).toBeNull();
  });

  it('round-trip a checkpoint and refuse one they did not write', () => {
    const p = { ...windowAt('2020-01-01', 8, '2021-01-15', '2019-12-31'), page: 3, total: 17 };
    expect(decodePosition(encodePosition(p))).toEqual(p);
    for (const bad of [
      '',
      'x',
      '{}',
      '{"from":"2020-02-30","to":"2020-03-01","span":1,"page":1,"pass":1,"total":null,"cursor":null}',
    ]) {
      expect(decodePosition(bad)).toBeNull();
    }
    expect(decodePosition(JSON.stringify({ ...p, page: 0 }))).toBeNull();
    expect(decodePosition(JSON.stringify({ ...p, from: '2020-02-01' }))).toBeNull();
    expect(decodePosition(null)).toBeNull();
  });
});
