import { describe, expect, it } from 'vitest';
import {
  fromCompact,
  fromDayMonthYear,
  fromIsoWithOffset,
  localInstant,
  toCompact,
  toDayMonthYear,
  toDayMonthYearTime,
  toIsoLocal,
  toLocalDate,
} from '../../../connectors/sim/kit/time';

describe('portal date formats (local time, UTC+07:00)', () => {
  const at = Date.parse('2020-02-14T02:30:00Z');

  it('formats one instant in each portal’s format', () => {
    expect(toCompact(at)).toBe('20200214093000');
    expect(toDayMonthYear(at)).toBe('14/02/2020');
    expect(toDayMonthYearTime(at)).toBe('14/02/2020 09:30:00');
    expect(toIsoLocal(at)).toBe('2020-02-14T09:30:00.000+0700');
    expect(toLocalDate(Date.parse('2020-06-30T18:00:00Z'))).toBe('2020-07-01');
    expect(localInstant(2020, 2, 14, 9, 30)).toBe(at);
  });

  it('parses strictly', () => {
    expect(fromCompact('20200214093000')).toBe(at);
    expect(fromCompact('20201345093000')).toBeNull();
    expect(fromCompact('2020021409300')).toBeNull();
    expect(fromDayMonthYear('08/05/2017')).toBe(localInstant(2017, 5, 8));
    expect(fromDayMonthYear('31/02/2017')).toBeNull();
  });

  it.each([
    ['2020-02-14T09:30:00.000+0700', Date.parse('2020-02-14T02:30:00Z')],
    ['2020-02-14T09:30:00+07:00', Date.parse('2020-02-14T02:30:00Z')],
    ['2020-02-14T02:30:00.5Z', Date.parse('2020-02-14T02:30:00.500Z')],
    ['2020-02-13T21:30:00.000-0500', Date.parse('2020-02-14T02:30:00Z')],
    ['2020-02-30T09:30:00.000+0700', null],
    ['2020-02-14T24:00:00.000+0700', null],
    ['2020-02-14T09:30:00.000+1500', null],
    ['2020-02-14 09:30:00', null],
  ])('reads the iGate instant %j on its own', (text, at) => {
    expect(fromIsoWithOffset(text)).toBe(at);
  });
});
