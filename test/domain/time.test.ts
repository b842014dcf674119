import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareLocalDate,
  DateParseError,
  endOfLocalDay,
  epochDayFromParts,
  formatDayMonthYear,
  formatIgateDateTime,
  formatNationalDateTime,
  formatPaknDate,
  formatPaknDateTime,
  isLocalDate,
  localDateOf,
  localDayOfWeek,
  localTimeParts,
  parseDayMonthYear,
  parseIgateDate,
  parseIgateDateTime,
  parseLocalDate,
  parseNationalDateTime,
  parsePaknDateTime,
  startOfLocalDay,
} from '../../src/domain/time';

function thrown(fn: () => unknown): DateParseError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DateParseError) return e;
    throw e;
  }
  throw new Error('expected a DateParseError');
}

describe('national yyyyMMddHHmmss', () => {
  it.each([
    ['20200214093000', '2020-02-14T02:30:00.000Z'],
    ['20200101000000', '2019-12-31T17:00:00.000Z'],
    ['20201231235959', '2020-12-31T16:59:59.000Z'],
    ['20200229120000', '2020-02-29T05:00:00.000Z'],
  ])('%s → %s', (input, iso) => {
    expect(parseNationalDateTime(input).toISOString()).toBe(iso);
    expect(formatNationalDateTime(parseNationalDateTime(input))).toBe(input);
  });

  it.each([
    '2020021409300',
    '202002140930000',
    '20201314093000',
    '20200014093000',
    '20200231093000',
    '20190229093000',
    '20200214243000',
    '20200214096000',
    '20200214093060',
    '2020-02-14 09:30:00',
    '20200214093000 ',
    ' 20200214093000',
    '20200214093000Z',
    '00000000000000',
    '00010101000000',
    '',
    null,
    20200214093000,
  ])('rejects %j', (input) => {
    const e = thrown(() => parseNationalDateTime(input));
    expect(e.format).toBe('yyyyMMddHHmmss');
    expect(e.value).toBe(input);
    expect(e.message).toContain('expected a date as yyyyMMddHHmmss (e.g. 20200214093000)');
  });

  it('says why an impossible day is rejected', () => {
    expect(thrown(() => parseNationalDateTime('20200231093000')).message).toContain(
      'day 31 does not exist in 2020-02',
    );
    expect(thrown(() => parseNationalDateTime('20201314093000')).message).toContain('month 13');
  });
});

describe('dd/MM/yyyy', () => {
  it.each([
    ['08/05/2017', '2017-05-08'],
    ['29/02/2020', '2020-02-29'],
    ['31/12/1999', '1999-12-31'],
  ])('%s → %s', (input, expected) => {
    expect(parseDayMonthYear(input)).toBe(expected);
    expect(formatDayMonthYear(expected)).toBe(input);
  });

  it.each([
    '8/5/2017',
    '08/5/2017',
    '08/05/17',
    '31/02/2017',
    '29/02/2019',
    '08/13/2017',
    '00/05/2017',
    '08-05-2017',
    '08/05/2017x',
    '08/05/2017 00:00:00',
    '2017-05-08',
    undefined,
  ])('rejects %j', (input) => {
    expect(thrown(() => parseDayMonthYear(input)).format).toBe('dd/MM/yyyy');
  });

  it('formatting validates the local date', () => {
    expect(() => formatDayMonthYear('2017-5-8')).toThrow(DateParseError);
  });
});

describe('iGate ISO with offset', () => {
  it.each([
    ['2020-03-05T08:12:00.000+0700', '2020-03-05T01:12:00.000Z'],
    ['2020-03-05T08:12:00+0700', '2020-03-05T01:12:00.000Z'],
    ['2020-03-05T08:12:00.000+07:00', '2020-03-05T01:12:00.000Z'],
    ['2020-03-05T01:12:00.000Z', '2020-03-05T01:12:00.000Z'],
    ['2020-03-05T01:12:00Z', '2020-03-05T01:12:00.000Z'],
    ['2020-03-04T20:12:00.000-0500', '2020-03-05T01:12:00.000Z'],
    ['2020-03-05T08:12:00.5+0700', '2020-03-05T01:12:00.500Z'],
    ['2020-03-05T00:30:00.123+0700', '2020-03-04T17:30:00.123Z'],
    ['2020-02-18T00:00:00.000+0700', '2020-02-17T17:00:00.000Z'],
  ])('%s → %s', (input, iso) => {
    expect(parseIgateDateTime(input).toISOString()).toBe(iso);
  });

  it.each([
    '2020-03-05 08:12:00.000+0700',
    '2020-03-05T08:12:00.000',
    '2020-03-05T08:12:00.000+07',
    '2020-03-05T08:12:00.0000+0700',
    '2020-03-05T08:12:00.+0700',
    '2020-02-30T08:12:00.000+0700',
    '2020-03-05T25:12:00.000+0700',
    '2020-03-05T08:12:00.000+0700Z',
    '2020-03-05T08:12:00.000+1500',
    '2020-03-05T08:12:00.000+0760',
    '2020-3-5T08:12:00.000+0700',
    '2020-03-05',
    '',
  ])('rejects %j', (input) => {
    expect(thrown(() => parseIgateDateTime(input)).format).toContain('yyyy-MM-dd');
  });

  it('formats as local time with millis and +0700', () => {
    expect(formatIgateDateTime(new Date('2020-03-05T01:12:00.123Z'))).toBe('2020-03-05T08:12:00.123+0700');
    expect(formatIgateDateTime(new Date('2020-03-04T17:00:00.000Z'))).toBe('2020-03-05T00:00:00.000+0700');
    const s = '2020-12-31T23:59:59.999+0700';
    expect(formatIgateDateTime(parseIgateDateTime(s))).toBe(s);
  });

  it('plain iGate days are validated', () => {
    expect(parseIgateDate('2017-05-08')).toBe('2017-05-08');
    for (const bad of ['2017-5-8', '2017-02-29', '2017-05-08T00:00:00', '', 20170508]) {
      expect(thrown(() => parseIgateDate(bad)).format).toBe('yyyy-MM-dd');
    }
  });
});

describe('PAKN dd/MM/yyyy HH:mm:ss', () => {
  it.each([
    ['05/03/2020 08:00:00', '2020-03-05T01:00:00.000Z'],
    ['31/12/2020 23:59:59', '2020-12-31T16:59:59.000Z'],
    ['01/01/2020 06:59:59', '2019-12-31T23:59:59.000Z'],
  ])('%s → %s', (input, iso) => {
    expect(parsePaknDateTime(input).toISOString()).toBe(iso);
    expect(formatPaknDateTime(parsePaknDateTime(input))).toBe(input);
  });

  it.each([
    '5/3/2020 08:00:00',
    '05/03/2020 8:00:00',
    '05/03/2020T08:00:00',
    '05/03/2020',
    '30/02/2020 08:00:00',
    '05/03/2020 08:00:00.000',
    '05/03/2020  08:00:00',
    '05/03/2020 08:00',
  ])('rejects %j', (input) => {
    expect(thrown(() => parsePaknDateTime(input)).format).toBe('dd/MM/yyyy HH:mm:ss');
  });

  it('formats query days from a local date or from an instant in local time', () => {
    expect(formatPaknDate('2020-03-05')).toBe('05/03/2020');
    // 18:00 UTC on the 4th is already the 5th in Hanoi.
    expect(formatPaknDate(new Date('2020-03-04T18:00:00Z'))).toBe('05/03/2020');
  });
});

describe('local days', () => {
  it('takes the local day, not the UTC day', () => {
    expect(localDateOf(new Date('2020-03-04T16:59:59.999Z'))).toBe('2020-03-04');
    expect(localDateOf(new Date('2020-03-04T17:00:00.000Z'))).toBe('2020-03-05');
  });

  it('knows the bounds of a local day', () => {
    expect(startOfLocalDay('2020-03-05').toISOString()).toBe('2020-03-04T17:00:00.000Z');
    expect(endOfLocalDay('2020-03-05').toISOString()).toBe('2020-03-05T16:59:59.999Z');
    expect(localDateOf(endOfLocalDay('2020-03-05'))).toBe('2020-03-05');
  });

  it.each([
    ['2020-02-28', 1, '2020-02-29'],
    ['2020-12-31', 1, '2021-01-01'],
    ['2020-03-01', -1, '2020-02-29'],
    ['2019-03-01', -1, '2019-02-28'],
    ['2020-01-01', 366, '2021-01-01'],
    ['2020-01-01', 0, '2020-01-01'],
  ])('addDays(%s, %d) = %s', (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
  });

  it('rejects fractional day counts and bad dates', () => {
    expect(() => addDays('2020-01-01', 0.5)).toThrow(RangeError);
    expect(() => addDays('2020-13-01', 1)).toThrow(DateParseError);
  });

  it('compares local dates', () => {
    expect(compareLocalDate('2020-01-02', '2020-01-10')).toBe(-1);
    expect(compareLocalDate('2020-01-10', '2020-01-02')).toBe(1);
    expect(compareLocalDate('2020-01-02', '2020-01-02')).toBe(0);
  });

  it.each([
    ['2020-02-29', true],
    ['2019-02-29', false],
    ['2020-13-01', false],
    ['2020-1-01', false],
    ['2020-01-01 ', false],
    ['2020-01-01T00:00', false],
    [20200101, false],
    [null, false],
  ])('isLocalDate(%j) = %s', (input, ok) => {
    expect(isLocalDate(input)).toBe(ok);
    if (ok) expect(parseLocalDate(input)).toBe(input);
    else expect(() => parseLocalDate(input)).toThrow(DateParseError);
  });

  it.each([
    ['1970-01-01', 4],
    ['2020-01-25', 6],
    ['2020-01-26', 0],
    ['2020-04-30', 4],
    ['2024-02-10', 6],
    ['1969-12-31', 3],
  ])('localDayOfWeek(%s) = %d', (d, dow) => {
    expect(localDayOfWeek(d)).toBe(dow);
  });

  it('splits an instant into local parts', () => {
    expect(localTimeParts(new Date('2020-03-04T17:30:05.250Z'))).toEqual({
      year: 2020,
      month: 3,
      day: 5,
      hour: 0,
      minute: 30,
      second: 5,
      millisecond: 250,
      dayOfWeek: 4,
    });
  });

  it('rejects invalid Date objects', () => {
    expect(() => localDateOf(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => formatIgateDateTime(new Date('nope'))).toThrow(RangeError);
  });

  it('computes epoch days like Date.UTC over 1900–2199', () => {
    for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2200, 0, 1); t += 37 * 86_400_000) {
      const d = new Date(t);
      expect(epochDayFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(t / 86_400_000);
    }
  });
});
