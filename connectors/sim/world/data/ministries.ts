/**
 * Ministries and central bodies that publish procedures (`MACOQUANCONGBO`), with the
 * abbreviation their decisions carry (`1234/QĐ-BYT`). The G-codes are the simulator's own
 * numbering; Bộ Y tế is G14 as in upstream-apis.md §1.
 */
export const MINISTRIES: ReadonlyArray<readonly [code: string, name: string, abbreviation: string]> = [
  ['G01', 'Bộ Công an', 'BCA'],
  ['G02', 'Bộ Công Thương', 'BCT'],
  ['G03', 'Bộ Giáo dục và Đào tạo', 'BGDĐT'],
  ['G04', 'Bộ Giao thông vận tải', 'BGTVT'],
  ['G05', 'Bộ Kế hoạch và Đầu tư', 'BKHĐT'],
  ['G06', 'Bộ Khoa học và Công nghệ', 'BKHCN'],
  ['G07', 'Bộ Lao động - Thương binh và Xã hội', 'LĐTBXH'],
  ['G08', 'Bộ Ngoại giao', 'BNG'],
  ['G09', 'Bộ Nội vụ', 'BNV'],
  ['G10', 'Bộ Nông nghiệp và Phát triển nông thôn', 'BNN'],
  ['G11', 'Bộ Tài chính', 'BTC'],
  ['G12', 'Bộ Tài nguyên và Môi trường', 'BTNMT'],
  ['G13', 'Bộ Thông tin và Truyền thông', 'BTTTT'],
  ['G14', 'Bộ Y tế', 'BYT'],
  ['G15', 'Bộ Tư pháp', 'BTP'],
  ['G16', 'Bộ Văn hóa, Thể thao và Du lịch', 'BVHTTDL'],
  ['G17', 'Bộ Xây dựng', 'BXD'],
  ['G18', 'Thanh tra Chính phủ', 'TTCP'],
  ['G19', 'Ủy ban Dân tộc', 'UBDT'],
];

/** Issuer of a legal document, from the suffix of its number. */
export const ISSUER_BY_SUFFIX: ReadonlyArray<readonly [pattern: RegExp, issuer: string]> = [
  [/\/QH\d+$/, 'Quốc hội'],
  [/\/UBTVQH\d+$/, 'Ủy ban Thường vụ Quốc hội'],
  [/\/NĐ-CP$/, 'Chính phủ'],
  [/\/QĐ-TTg$/, 'Thủ tướng Chính phủ'],
  [/\/TTLT-/, 'Liên bộ'],
];
