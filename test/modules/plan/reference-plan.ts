/**
 * What the reference plan (Bình Định 2020, test/fixtures/plan/binh-dinh-2020.txt) says,
 * read by hand from the document: the expectations of the import tests.
 */
export const REFERENCE_FILE = 'test/fixtures/plan/binh-dinh-2020.txt';

export const REFERENCE_SECTIONS = [
  [
    'I',
    'Công bố, công khai thủ tục hành chính (TTHC) và cập nhật, chuẩn hóa dữ liệu TTHC của tỉnh trên Cơ sở dữ liệu quốc gia về TTHC',
  ],
  ['II', 'Thực hiện rà soát, đánh giá thủ tục hành chính'],
  ['III', 'Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về TTHC'],
  [
    'IV',
    'Thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết TTHC và cung cấp dịch vụ công trực tuyến mức độ 3, mức độ 4',
  ],
  [
    'V',
    'Một số nhiệm vụ khác về hoạt động kiểm soát TTHC và giải quyết TTHC theo cơ chế một cửa, một cửa liên thông',
  ],
] as const;

interface ExpectedTask {
  number: number;
  section: string;
  content: string;
  leads: [text: string, kind: string, level: string | null][];
  partners: [text: string, kind: string, level: string | null][];
  expectedResult: string;
  deadlineText: string;
  deadline: { kind: string; from: string | null; to: string | null; workingDays: number | null };
}

const CONTINUOUS = { kind: 'CONTINUOUS', from: null, to: null, workingDays: null };

export const REFERENCE_TASKS: ExpectedTask[] = [
  {
    number: 1,
    section: 'I',
    content:
      'Trình Chủ tịch UBND tỉnh công bố danh mục TTHC thuộc phạm vi chức năng quản lý đảm bảo theo quy định.',
    leads: [['Các sở, ban, ngành', 'LEVEL', 'PROVINCE']],
    partners: [['Văn phòng UBND tỉnh', 'NAMED', null]],
    expectedResult: 'Quyết định của Chủ tịch UBND tỉnh',
    deadlineText:
      '- Chậm nhất sau 05 ngày làm việc kể từ ngày sở, ban nhận được Quyết định công bố TTHC của Bộ chủ quản hoặc công văn của Văn phòng UBND tỉnh thông báo Danh mục văn bản của Chính phủ, Bộ ngành Trung ương (trong đó có quyết định công bố TTHC). - Đối với TTHC được quy định trong văn bản QPPL do UBND tỉnh ban hành thì thực hiện theo quy định tại Thông tư số 02/2017/TT-VPCP.',
    deadline: { kind: 'WORKING_DAYS_AFTER', from: null, to: null, workingDays: 5 },
  },
  {
    // split across the first page break: every column continues on the next page
    number: 2,
    section: 'I',
    content: 'Nhập, công khai dữ liệu TTHC trên Cơ sở dữ liệu quốc gia về TTHC.',
    leads: [['Văn phòng UBND tỉnh', 'NAMED', null]],
    partners: [
      ['Các sở, ban, ngành', 'LEVEL', 'PROVINCE'],
      ['VNPT Bình Định', 'NAMED', null],
    ],
    expectedResult: 'Dữ liệu TTHC được cập nhật, công khai',
    deadlineText: 'Sau khi có Quyết định công bổ danh mục TTHC của Chủ tịch UBND tỉnh',
    deadline: { kind: 'AFTER_EVENT', from: null, to: null, workingDays: null },
  },
  {
    number: 3,
    section: 'I',
    content:
      'Công khai TTHC trên Cổng thông tin điện tử của tỉnh, Trang thông tin điện tử của các cơ quan, đơn vị.',
    leads: [
      ['Văn phòng UBND tỉnh', 'NAMED', null],
      ['Các sở, ban, ngành', 'LEVEL', 'PROVINCE'],
      ['UBND cấp huyện', 'LEVEL', 'DISTRICT'],
    ],
    partners: [['VNPT Bình Định', 'NAMED', null]],
    expectedResult:
      'Dữ liệu TTHC tại Cổng thông tin điện tử của tỉnh và các Trang thông tin điện tử của các cơ quan, đơn vị địa phương được đồng bộ, thống nhất với dữ liệu TTHC tại Cổng dịch vụ công trực tuyến của tỉnh.',
    deadlineText: 'Thường xuyên',
    deadline: CONTINUOUS,
  },
  {
    // its result continues on the next page, in the result column only
    number: 4,
    section: 'I',
    content:
      'Công khai TTHC tại Trung tâm Phục vụ hành chính công tỉnh, Bộ phận Một cửa cấp huyện, cấp xã theo quy định.',
    leads: [
      ['Văn phòng UBND tỉnh', 'NAMED', null],
      ['UBND cấp huyện', 'LEVEL', 'DISTRICT'],
      ['UBND cấp xã', 'LEVEL', 'COMMUNE'],
    ],
    partners: [['Các sở, ban, ngành', 'LEVEL', 'PROVINCE']],
    expectedResult:
      '- Niêm yết quyết định của Thủ trưởng đơn vị về việc công khai danh mục TTHC thực hiện theo cơ chế một cửa, một cửa liên thông được tiếp nhận hồ sơ và trả kết quả tại Bộ phận Một cửa của đơn vị. - Thực hiện các nội dung công khai theo quy định tại Điều 14 Thông tư số 02/2017/TT-VPCP.',
    deadlineText: 'Thường xuyên',
    deadline: CONTINUOUS,
  },
  {
    number: 7,
    section: 'II',
    content:
      'Tổ chức triển khai thực hiện Kế hoạch rà soát, đánh giá thủ tục hành chính đã được UBND tỉnh phê duyệt',
    leads: [['Các sở, ban, ngành liên quan', 'LEVEL', 'PROVINCE']],
    partners: [
      ['Văn phòng UBND tỉnh', 'NAMED', null],
      ['UBND cấp huyện', 'LEVEL', 'DISTRICT'],
      ['UBND cấp xã', 'LEVEL', 'COMMUNE'],
      ['Các cơ quan có liên quan', 'GROUP', null],
    ],
    expectedResult:
      'Trình Chủ tịch UBND tỉnh quyết định phê duyệt Phương án đơn giản hóa TTHC và quyết định phê duyệt quy trình nội bộ giải quyết TTHC (đối với Phương án đơn giản hóa cắt giảm thời gian giải quyết TTHC)',
    deadlineText: 'Từ tháng 01/2020 đến tháng 8/2020',
    deadline: { kind: 'MONTH_RANGE', from: '2020-01-01', to: '2020-08-31', workingDays: null },
  },
  {
    number: 8,
    section: 'III',
    content: 'Công khai địa chỉ tiếp nhận phản ánh, kiến nghị của cá nhân, tổ chức về TTHC theo quy định.',
    leads: [
      ['Các sở, ban, ngành', 'LEVEL', 'PROVINCE'],
      ['UBND cấp huyện', 'LEVEL', 'DISTRICT'],
      ['UBND cấp xã', 'LEVEL', 'COMMUNE'],
    ],
    partners: [],
    expectedResult:
      'Niêm yết công khai địa chỉ tiếp nhận phản ánh, kiến nghị tại Trung tâm Phục vụ hành chính công tỉnh, Bộ phận Một cửa, cơ quan tiếp nhận và giải quyết công việc',
    deadlineText: 'Thường xuyên',
    deadline: CONTINUOUS,
  },
  {
    number: 11,
    section: 'IV',
    content:
      'Triển khai vận hành Phần mềm một cửa điện tử tại Ban Dân tộc tỉnh để theo dõi, đánh giá công tác giải quyết TTHC của Ban Dân tộc tỉnh.',
    leads: [['Ban Dân tộc', 'NAMED', null]],
    partners: [
      ['Văn phòng UBND tỉnh', 'NAMED', null],
      ['VNPT Bình Định', 'NAMED', null],
    ],
    expectedResult: 'Vận hành phần mềm VNPT Igate tại Ban Dân tộc tỉnh',
    deadlineText: 'Quý II/2020',
    deadline: { kind: 'QUARTER', from: '2020-04-01', to: '2020-06-30', workingDays: null },
  },
  {
    number: 12,
    section: 'IV',
    content:
      'Mở rộng danh mục dịch vụ công trực tuyến của tỉnh được tích hợp với Cổng Dịch vụ Quốc gia theo quyết định phê duyệt của Thủ tướng Chính phủ.',
    leads: [['Văn phòng UBND tỉnh', 'NAMED', null]],
    partners: [
      ['Các sở, ban, ngành', 'LEVEL', 'PROVINCE'],
      ['VNPT Bình Định', 'NAMED', null],
    ],
    expectedResult:
      'Các dịch vụ công trực tuyến của tỉnh được tiếp nhận hồ sơ và trả kết quả thông qua Cổng Dịch vụ công Quốc gia.',
    deadlineText: 'Theo lộ trình của Văn phòng Chính phủ',
    deadline: { kind: 'BY_ROADMAP', from: null, to: null, workingDays: null },
  },
  {
    // split across a page break in the result column: "… điện" + "từ."
    number: 15,
    section: 'IV',
    content:
      'Nâng cấp các tính năng, chức năng của Hệ thống phần mềm một cửa điện tử của tỉnh để đáp ứng tốt hơn yêu cầu liên thông giải quyết hồ sơ TTHC.',
    leads: [['VNPT Bình Định', 'NAMED', null]],
    partners: [
      ['Văn phòng UBND tỉnh', 'NAMED', null],
      ['Các cơ quan, đơn vị, địa phương', 'GROUP', null],
    ],
    expectedResult: 'Các tính năng, chức năng, tiện ích được bổ sung của Phần mềm một cửa điện từ.',
    deadlineText: 'Thường xuyên',
    deadline: CONTINUOUS,
  },
  {
    number: 16,
    section: 'IV',
    content:
      'Rà soát, đầu tư mua sắm trang thiết bị, máy móc và sửa chữa trụ sở của Bộ phận Một cửa đảm bảo theo quy định tại Nghị định số 61/2018/NĐ-CP.',
    leads: [
      ['UBND cấp huyện', 'LEVEL', 'DISTRICT'],
      ['UBND cấp xã', 'LEVEL', 'COMMUNE'],
    ],
    partners: [['Các cơ quan liên quan', 'GROUP', null]],
    expectedResult: 'Bộ phận Một cửa các cấp được hoàn thiện theo đúng quy định',
    deadlineText: 'Trước Quý II/2020',
    deadline: { kind: 'BEFORE_QUARTER', from: null, to: '2020-03-31', workingDays: null },
  },
  {
    // bodies listed with bare dashes and no semicolons
    number: 17,
    section: 'V',
    content:
      'Thực hiện chế độ Báo cáo về hoạt động kiểm soát TTHC và giải quyết TTHC theo cơ chế một cửa, một cửa liên thông.',
    leads: [
      ['Các sở, ban, ngành', 'LEVEL', 'PROVINCE'],
      ['Cơ quan Trung ương đóng trên địa bàn tỉnh', 'GROUP', null],
      ['UBND cấp huyện', 'LEVEL', 'DISTRICT'],
      ['UBND cấp xã', 'LEVEL', 'COMMUNE'],
    ],
    partners: [
      ['Văn phòng UBND tỉnh', 'NAMED', null],
      ['Các cơ quan có liên quan', 'GROUP', null],
    ],
    expectedResult:
      'Báo cáo tình hình và kết quả thực hiện kiểm soát TTHC và giải quyết TTHC theo cơ chế một cửa, một cửa liên thông',
    deadlineText:
      'Thực hiện theo Thông tư số 02/2017/TT-VPCP ngày 31/10/2017 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ và Công văn số 901/UBND-KSTT ngày 28/02/2018 của Chủ tịch UBND tỉnh.',
    deadline: { kind: 'BY_REGULATION', from: null, to: null, workingDays: null },
  },
  {
    number: 18,
    section: 'V',
    content:
      'Tiếp tục đẩy mạnh công tác tuyên truyền về hoạt động cải cách thủ tục hành chính, kiểm soát TTHC và giải quyết TTHC theo cơ chế một cửa, một cửa liên thông trên địa bàn tỉnh trên các phương tiện truyền thông, Cổng thông tin điện tử của tỉnh, Trang thông tin điện tử của các cơ quan, đơn vị địa phương.',
    leads: [
      ['Đài Phát thanh và truyền hình tỉnh', 'NAMED', null],
      ['Báo Bình Định', 'NAMED', null],
      ['Các cơ quan, đơn vị, địa phương', 'GROUP', null],
    ],
    partners: [
      ['Văn phòng UBND tỉnh', 'NAMED', null],
      ['Sở Thông tin và Truyền thông', 'NAMED', null],
    ],
    expectedResult: '- Phát thanh, phát hình trên phương tiện đại chúng - Các hình thức khác có liên quan',
    deadlineText: 'Trong năm',
    deadline: { kind: 'IN_YEAR', from: '2020-01-01', to: '2020-12-31', workingDays: null },
  },
  {
    // split across the last page break in the content and result columns
    number: 19,
    section: 'V',
    content:
      'Thực hiện quy trình đánh giá tác động, lấy ý kiến, thẩm định đối với quy định về TTHC được phân cấp cho cấp tỉnh ban hành theo Luật ban hành văn bản quy phạm pháp luật và Nghị định số 92/2017/NĐ-CP.',
    leads: [['Các sở, ban, ngành', 'LEVEL', 'PROVINCE']],
    partners: [
      ['Sở Tư pháp', 'NAMED', null],
      ['Văn phòng UBND tỉnh', 'NAMED', null],
    ],
    expectedResult:
      'Dự thảo văn bản quy phạm pháp luật có quy định thủ tục hành chính được thực hiện đánh giá tác động theo quy định.',
    deadlineText: 'Thường xuyên',
    deadline: CONTINUOUS,
  },
];
