import { describe, expect, it } from 'vitest';
import { splitBodies } from '../../../src/modules/plan';

const short = (cell: string) => splitBodies(cell).map((b) => [b.text, b.kind, b.level, b.note]);

describe('splitBodies', () => {
  it('splits `- A; - B` lists and drops the final period', () => {
    expect(short('- Các sở, ban, ngành; - VNPT Bình Định.')).toEqual([
      ['Các sở, ban, ngành', 'LEVEL', 'PROVINCE', null],
      ['VNPT Bình Định', 'NAMED', null, null],
    ]);
  });

  it('splits bare ` - ` lists but not hyphens inside a word or a document number', () => {
    expect(short('- Sở Tư pháp - Trung tâm TH-CB theo 02/2017/TT-VPCP')).toEqual([
      ['Sở Tư pháp', 'NAMED', null, null],
      ['Trung tâm TH-CB theo 02/2017/TT-VPCP', 'NAMED', null, null],
    ]);
  });

  it('a lone dash or an empty cell is no body', () => {
    expect(splitBodies('-')).toEqual([]);
    expect(splitBodies('  ')).toEqual([]);
  });

  it('does not split inside a scope note, and gives the note to each category it covers', () => {
    expect(short('Các sở, ban, ngành, UBND cấp huyện (đối với Trang - thông tin; điện tử)')).toEqual([
      ['Các sở, ban, ngành', 'LEVEL', 'PROVINCE', 'đối với Trang - thông tin; điện tử'],
      ['UBND cấp huyện', 'LEVEL', 'DISTRICT', 'đối với Trang - thông tin; điện tử'],
    ]);
  });

  it.each([
    ['UBND cấp huyện', 'DISTRICT'],
    ['Ủy ban nhân dân cấp huyện', 'DISTRICT'],
    ['UBND các huyện, thị xã, thành phố', 'DISTRICT'],
    ['UBND cấp xã', 'COMMUNE'],
    ['UBND các xã, phường, thị trấn', 'COMMUNE'],
    ['Các sở, ban, ngành liên quan', 'PROVINCE'],
  ])('%s is the category of level %s', (text, level) => {
    expect(short(text)).toEqual([[text, 'LEVEL', level, null]]);
  });

  it('a group naming nobody in particular is not a named body', () => {
    expect(short('Các cơ quan có liên quan; Cơ quan Trung ương đóng trên địa bàn tỉnh')).toEqual([
      ['Các cơ quan có liên quan', 'GROUP', null, null],
      ['Cơ quan Trung ương đóng trên địa bàn tỉnh', 'GROUP', null, null],
    ]);
  });

  it('a name that only starts like a category is a named body', () => {
    expect(short('Các sở, ban, ngành Trung ương')).toEqual([
      ['Các sở, ban, ngành Trung ương', 'NAMED', null, null],
    ]);
  });
});
