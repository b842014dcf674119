import { describe, expect, it } from 'vitest';
import { fieldPath } from '../../../connectors/kit/zod-issues';
import {
  envelopeSchema,
  listItemSchema,
  procedureListSchema,
  procedureSchema,
  singleResult,
} from '../../../connectors/national/records';

describe('national raw shapes', () => {
  it.each([
    [{ error_code: 0, message: 'Thành công', result: [] }, 0],
    [{ error_code: '-401', message: 'Phiên làm việc hết hạn' }, -401],
    [{ error_code: -500, message: null }, -500],
  ])('reads the envelope %j', (body, code) => {
    expect(envelopeSchema.parse(body).error_code).toBe(code);
  });

  it.each([
    {},
    { error_code: 'x' },
    { error_code: 1.5 },
    null,
  ])('refuses an envelope without a usable code: %j', (body) => {
    expect(envelopeSchema.safeParse(body).success).toBe(false);
  });

  it('reads tongso as a number or digit string', () => {
    expect(procedureListSchema.parse({ result: [], tongso: '1234' }).tongso).toBe(1234);
    expect(procedureListSchema.safeParse({ result: [], tongso: -1 }).success).toBe(false);
    expect(procedureListSchema.safeParse({ result: null, tongso: 0 }).success).toBe(false);
  });

  it('requires MATTHC and NGAYCAPNHAT on a list item', () => {
    const item = { MATTHC: '2.000477', TENTTHC: 'x', NGAYCAPNHAT: '20200214093000', TRANGTHAI: 1 };
    expect(listItemSchema.safeParse(item).success).toBe(true);
    expect(listItemSchema.safeParse({ ...item, MATTHC: '' }).success).toBe(false);
    expect(listItemSchema.safeParse({ ...item, NGAYCAPNHAT: undefined }).success).toBe(false);
  });

  it('is lenient on optional lists and money types, strict on enums being numbers', () => {
    const base = { MATTHC: '1', TENTTHC: 'x', TRANGTHAI: 1, NGAYCAPNHAT: '20200214093000' };
    const parsed = procedureSchema.parse({
      ...base,
      LINHVUCTHUCHIEN: null,
      CACHTHUCTHUCHIEN: [{ KENH: 1, PHILEPHI: [{ SOTIEN: '1000' }, { SOTIEN: 1000 }] }],
    });
    expect(parsed.LINHVUCTHUCHIEN).toEqual([]);
    expect(parsed.CAPTHUCHIEN).toEqual([]);
    expect(parsed.CACHTHUCTHUCHIEN[0]?.THOIGIAN).toEqual([]);
    expect(parsed.CACHTHUCTHUCHIEN[0]?.PHILEPHI.map((f) => f.SOTIEN)).toEqual(['1000', 1000]);
    expect(procedureSchema.safeParse({ ...base, CAPTHUCHIEN: [{ CAPTHUCHIEN: '1' }] }).success).toBe(false);
  });

  it.each([
    [['MATTHC'], 'MATTHC'],
    [['CACHTHUCTHUCHIEN', 0, 'KENH'], 'CACHTHUCTHUCHIEN[0].KENH'],
    [
      ['CACHTHUCTHUCHIEN', 1, 'THOIGIAN', 2, 'PHILEPHI', 0, 'SOTIEN'],
      'CACHTHUCTHUCHIEN[1].THOIGIAN[2].PHILEPHI[0].SOTIEN',
    ],
    [[], ''],
  ])('writes the path %j as %s', (path, expected) => {
    expect(fieldPath(path)).toBe(expected);
  });

  it.each([
    [[{ a: 1 }], { a: 1 }],
    [{ a: 1 }, { a: 1 }],
    [[], null],
    [undefined, null],
  ])('takes the single result of %j', (result, expected) => {
    expect(singleResult(result)).toEqual(expected);
  });
});
