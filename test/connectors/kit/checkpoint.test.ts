/** The three walks read back only checkpoints they wrote; anything else restarts the walk. */
import { describe, expect, it } from 'vitest';
import { decodeState } from '../../../connectors/igate/window-state';
import { parseCheckpoint } from '../../../connectors/national/procedure-walk';
import { decodePosition } from '../../../connectors/pakn/windows';

const IGATE = {
  from: '2026-03-02T02:00:00.000Z',
  to: '2026-03-02T02:10:00.000Z',
  present: true,
  after: { at: '2026-03-02T02:05:00.000Z', id: 'hs-1' },
  page: 2,
  total: 80,
  span: 600_000,
  cursor: '2026-03-02T01:59:59.999Z',
  catchUp: 1,
};
const FROM = Date.parse(IGATE.from);
const TO = Date.parse(IGATE.to);
const AT = Date.parse(IGATE.after.at);

describe('iGate window checkpoints', () => {
  it.each([
    [
      'as written',
      {},
      { from: FROM, to: TO, present: true, after: { at: AT, id: 'hs-1' }, page: 2, total: 80 },
    ],
    [
      'no window end yet: not at the present, no position',
      { to: null },
      { to: null, present: false, after: null },
    ],
    ['a page without its total: page 0', { total: undefined }, { page: 0, total: null }],
    ['an unreadable position: the window start', { after: { at: 'soon', id: 'x' } }, { after: null }],
    ['a negative page: page 0', { page: -1 }, { page: 0 }],
    ['no catch-up count: 0', { catchUp: 'two' }, { catchUp: 0 }],
  ])('%s', (_name, change, expected) => {
    expect(decodeState(JSON.stringify({ ...IGATE, ...change }))).toMatchObject(expected);
  });

  it.each([
    ['no start', { from: undefined }],
    ['an unreadable start', { from: 'yesterday' }],
    ['a span of 0', { span: 0 }],
    ['no span', { span: undefined }],
  ])('restarts on %s', (_name, change) => {
    expect(decodeState(JSON.stringify({ ...IGATE, ...change }))).toBeNull();
  });

  it.each([null, '', 'x', 'null', '5', '[]'])('restarts on %j', (text) => {
    expect(decodeState(text)).toBeNull();
  });
});

describe('PAKN window checkpoints', () => {
  const p = {
    from: '2026-06-01',
    to: '2026-06-04',
    span: 4,
    page: 3,
    pass: 1,
    total: 40,
    cursor: '2026-05-31',
  };
  it.each([
    ['as written', {}, p],
    ['a span over a year: a year', { span: 1000 }, { ...p, span: 366 }],
    ['no total, no cursor yet', { total: null, cursor: null }, { ...p, total: null, cursor: null }],
    ['from after to', { from: '2026-06-05' }, null],
    ['a day that does not exist', { to: '2026-06-31' }, null],
    ['page 0', { page: 0 }, null],
    ['a fractional pass', { pass: 1.5 }, null],
    ['a missing total', { total: undefined }, null],
    ['a missing cursor', { cursor: undefined }, null],
  ])('%s', (_name, change, expected) => {
    expect(decodePosition(JSON.stringify({ ...p, ...change }))).toEqual(expected);
  });
});

describe('national list checkpoints', () => {
  it.each([
    [
      'as written',
      '{"page":3,"since":"01/02/2026 00:00:00","cursor":null}',
      { page: 3, since: '01/02/2026 00:00:00', cursor: null },
    ],
    ['no since or cursor', '{"page":1}', { page: 1, since: null, cursor: null }],
    ['a since that is no text', '{"page":2,"since":5,"cursor":"x"}', { page: 2, since: null, cursor: 'x' }],
    ['page 0', '{"page":0}', null],
    ['a fractional page', '{"page":1.5}', null],
    ['not JSON', '{page:1}', null],
    ['nothing', null, null],
  ])('%s', (_name, text, expected) => {
    expect(parseCheckpoint(text)).toEqual(expected);
  });
});
