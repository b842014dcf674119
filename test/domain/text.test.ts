import { describe, expect, it } from 'vitest';
import { compareNames, foldDiacritics, normalizeDocNumber, normalizeText } from '../../src/domain/text';

const NFC = 'Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược';
const NFD = NFC.normalize('NFD');

describe('normalizeText', () => {
  it.each([
    ['NFD becomes NFC', NFD, NFC],
    ['trims', `  ${NFC}\t\n`, NFC],
    ['collapses double spaces', 'Cấp  Giấy   phép', 'Cấp Giấy phép'],
    ['collapses NBSP and narrow NBSP', 'Cấp\u00a0Giấy\u202fphép', 'Cấp Giấy phép'],
    ['collapses ideographic space and tabs', 'Cấp\u3000\tphép', 'Cấp phép'],
    ['drops one trailing period', 'Cấp phép.', 'Cấp phép'],
    ['drops only one period', 'Cấp phép..', 'Cấp phép.'],
    ['drops a period after a space', 'Cấp phép .', 'Cấp phép'],
    ['keeps inner periods', 'Thủ tục 1.2.3', 'Thủ tục 1.2.3'],
    ['empty stays empty', '   ', ''],
  ])('%s', (_label, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('NFD input really differs before normalizing', () => {
    expect(NFD).not.toBe(NFC);
  });
});

describe('foldDiacritics', () => {
  it.each([
    ['Cấp phép', 'cap phep'],
    ['ĐĂNG KÝ đất đai', 'dang ky dat dai'],
    [NFD, 'cap giay chung nhan du dieu kien kinh doanh duoc'],
    ['Ðăng ký (eth)', 'dang ky (eth)'],
  ])('%s → %s', (input, expected) => {
    expect(foldDiacritics(input)).toBe(expected);
  });
});

describe('normalizeDocNumber', () => {
  it.each([
    ['54/2017/NĐ-CP', '54/2017/NĐ-CP'],
    ['  54/2017/nđ-cp ', '54/2017/NĐ-CP'],
    ['54/2017/NĐ-CP'.normalize('NFD'), '54/2017/NĐ-CP'],
    ['1234/QĐ-BYT', '1234/QĐ-BYT'],
    ['Số  12\u00a0/QĐ', 'SỐ 12 /QĐ'],
    ['54/2017/NÐ-CP', '54/2017/NĐ-CP'], // U+00D0 from legacy encodings
  ])('%j → %j', (input, expected) => {
    expect(normalizeDocNumber(input)).toBe(expected);
  });

  it('keeps Đ and D distinct', () => {
    expect(normalizeDocNumber('54/2017/NĐ-CP')).not.toBe(normalizeDocNumber('54/2017/ND-CP'));
  });
});

describe('compareNames', () => {
  it.each([
    [NFC, NFD, 'EQUAL'],
    ['Cấp  phép', 'Cấp phép', 'EQUAL'],
    ['Cấp phép.', ' Cấp phép', 'EQUAL'],
    ['Cấp phép', 'Cap phep', 'DIACRITICS_OR_CASE'],
    ['Cấp phép', 'Cấp Phép', 'DIACRITICS_OR_CASE'],
    ['Đăng ký', 'Dang ky', 'DIACRITICS_OR_CASE'],
    ['Cấp phép', 'Cấp lại phép', 'DIFFERENT'],
    ['Cấp phép', 'Cấp phép xây dựng', 'DIFFERENT'],
  ] as const)('%j vs %j → %s', (a, b, expected) => {
    expect(compareNames(a, b)).toBe(expected);
    expect(compareNames(b, a)).toBe(expected);
  });
});
