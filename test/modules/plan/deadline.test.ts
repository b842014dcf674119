import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../../src/modules/plan';

describe('parseDeadline', () => {
  it.each([
    ['Thường xuyên', 'CONTINUOUS', null, null, null],
    ['thường  xuyên', 'CONTINUOUS', null, null, null],
    ['Trong năm', 'IN_YEAR', '2020-01-01', '2020-12-31', null],
    ['Trong năm 2021', 'IN_YEAR', '2021-01-01', '2021-12-31', null],
    ['Quý II/2020', 'QUARTER', '2020-04-01', '2020-06-30', null],
    ['Quý IV/2020', 'QUARTER', '2020-10-01', '2020-12-31', null],
    ['Quý 1/2021', 'QUARTER', '2021-01-01', '2021-03-31', null],
    ['Trước Quý II/2020', 'BEFORE_QUARTER', null, '2020-03-31', null],
    ['Trước Quý I/2021', 'BEFORE_QUARTER', null, '2020-12-31', null],
    ['Trước tháng 5/2020', 'BEFORE_MONTH', null, '2020-04-30', null],
    ['Trước tháng 3/2020', 'BEFORE_MONTH', null, '2020-02-29', null],
    ['Trước tháng 01/2021', 'BEFORE_MONTH', null, '2020-12-31', null],
    ['Từ tháng 01/2020 đến tháng 8/2020', 'MONTH_RANGE', '2020-01-01', '2020-08-31', null],
    ['Từ tháng 11/2020 đến tháng 2/2021', 'MONTH_RANGE', '2020-11-01', '2021-02-28', null],
    [
      '- Chậm nhất sau 05 ngày làm việc kể từ ngày nhận được Quyết định. - Đối với …',
      'WORKING_DAYS_AFTER',
      null,
      null,
      5,
    ],
    ['Chậm nhất sau 10 ngày làm việc kể từ ngày ký', 'WORKING_DAYS_AFTER', null, null, 10],
    ['Sau khi có Quyết định công bố danh mục TTHC của Chủ tịch UBND tỉnh', 'AFTER_EVENT', null, null, null],
    ['Theo lộ trình của Văn phòng Chính phủ', 'BY_ROADMAP', null, null, null],
    ['Thực hiện theo Thông tư số 02/2017/TT-VPCP ngày 31/10/2017', 'BY_REGULATION', null, null, null],
    ['Theo quy định', 'BY_REGULATION', null, null, null],
    // not recognised: kept as text, no date guessed
    ['Tháng 6/2020', 'OTHER', null, null, null],
    ['Trước ngày 30/6/2020', 'OTHER', null, null, null],
    ['Quý V/2020', 'OTHER', null, null, null],
    ['Trước tháng 13/2020', 'OTHER', null, null, null],
    ['Khi có yêu cầu', 'OTHER', null, null, null],
    ['Thường xuyên và đột xuất', 'OTHER', null, null, null],
    ['', 'OTHER', null, null, null],
  ])('%j → %s', (text, kind, from, to, workingDays) => {
    expect(parseDeadline(text, 2020)).toEqual({ kind, from, to, workingDays });
  });
});
