/**
 * Bình Định's administrative units (before the 2025 reorganisation): the provincial
 * People's Committee, its departments, 11 district-level units and their 159 communes,
 * wards and townships. Names are real; the numbering of codes is the simulator's own.
 */

/** Province-level departments: [code number NN of `000.00.NN.H21`, name]. */
export const DEPARTMENTS: ReadonlyArray<readonly [number, string]> = [
  [1, 'Sở Tư pháp'],
  [2, 'Sở Kế hoạch và Đầu tư'],
  [3, 'Sở Tài chính'],
  [4, 'Sở Nội vụ'],
  [5, 'Sở Tài nguyên và Môi trường'],
  [6, 'Sở Xây dựng'],
  [7, 'Sở Giao thông vận tải'],
  [8, 'Sở Công Thương'],
  [9, 'Sở Nông nghiệp và Phát triển nông thôn'],
  [10, 'Sở Lao động - Thương binh và Xã hội'],
  [11, 'Sở Giáo dục và Đào tạo'],
  [12, 'Sở Y tế'],
  [13, 'Sở Văn hóa và Thể thao'],
  [14, 'Sở Du lịch'],
  [15, 'Sở Thông tin và Truyền thông'],
  [16, 'Sở Khoa học và Công nghệ'],
  [17, 'Sở Ngoại vụ'],
  [18, 'Thanh tra tỉnh'],
  [19, 'Ban Dân tộc'],
  [20, 'Ban Quản lý Khu kinh tế'],
  [21, 'Công an tỉnh'],
  [22, 'Văn phòng Ủy ban nhân dân tỉnh'],
];

export interface DistrictData {
  /** NN of the district People's Committee `000.00.NN.H21`. */
  number: number;
  /** `thành phố Quy Nhơn`, `huyện Tuy Phước`. */
  name: string;
  /** Communes, wards and townships with their kind prefix: `phường Trần Phú`, `xã Phước An`. */
  communes: readonly string[];
}

const w = (names: string): string[] => names.split(',').map((n) => `phường ${n.trim()}`);
const x = (names: string): string[] => names.split(',').map((n) => `xã ${n.trim()}`);
const tt = (names: string): string[] => names.split(',').map((n) => `thị trấn ${n.trim()}`);

export const DISTRICTS: readonly DistrictData[] = [
  {
    number: 23,
    name: 'thành phố Quy Nhơn',
    communes: [
      ...w(
        'Bùi Thị Xuân, Đống Đa, Ghềnh Ráng, Hải Cảng, Lê Hồng Phong, Lê Lợi, Lý Thường Kiệt, Ngô Mây, ' +
          'Nguyễn Văn Cừ, Nhơn Bình, Nhơn Phú, Quang Trung, Thị Nại, Trần Hưng Đạo, Trần Phú, Trần Quang Diệu',
      ),
      ...x('Nhơn Châu, Nhơn Hải, Nhơn Hội, Nhơn Lý, Phước Mỹ'),
    ],
  },
  {
    number: 24,
    name: 'thị xã An Nhơn',
    communes: [
      ...w('Bình Định, Đập Đá, Nhơn Hòa, Nhơn Hưng, Nhơn Thành'),
      ...x(
        'Nhơn An, Nhơn Hạnh, Nhơn Hậu, Nhơn Khánh, Nhơn Lộc, Nhơn Mỹ, Nhơn Phong, Nhơn Phúc, Nhơn Tân, Nhơn Thọ',
      ),
    ],
  },
  {
    number: 25,
    name: 'thị xã Hoài Nhơn',
    communes: [
      ...w(
        'Bồng Sơn, Hoài Đức, Hoài Hảo, Hoài Hương, Hoài Tân, Hoài Thanh, Hoài Thanh Tây, Hoài Xuân, ' +
          'Tam Quan, Tam Quan Bắc, Tam Quan Nam',
      ),
      ...x('Hoài Châu, Hoài Châu Bắc, Hoài Hải, Hoài Mỹ, Hoài Phú, Hoài Sơn'),
    ],
  },
  {
    number: 26,
    name: 'huyện Tuy Phước',
    communes: [
      ...tt('Tuy Phước, Diêu Trì'),
      ...x(
        'Phước An, Phước Hiệp, Phước Hòa, Phước Hưng, Phước Lộc, Phước Nghĩa, Phước Quang, Phước Sơn, ' +
          'Phước Thắng, Phước Thành, Phước Thuận',
      ),
    ],
  },
  {
    number: 27,
    name: 'huyện Phù Cát',
    communes: [
      ...tt('Ngô Mây'),
      ...x(
        'Cát Chánh, Cát Hải, Cát Hanh, Cát Hiệp, Cát Hưng, Cát Khánh, Cát Lâm, Cát Minh, Cát Nhơn, ' +
          'Cát Sơn, Cát Tài, Cát Tân, Cát Thắng, Cát Thành, Cát Tiến, Cát Trinh, Cát Tường',
      ),
    ],
  },
  {
    number: 28,
    name: 'huyện Phù Mỹ',
    communes: [
      ...tt('Phù Mỹ, Bình Dương'),
      ...x(
        'Mỹ An, Mỹ Cát, Mỹ Chánh, Mỹ Chánh Tây, Mỹ Châu, Mỹ Đức, Mỹ Hiệp, Mỹ Hòa, Mỹ Lộc, Mỹ Lợi, ' +
          'Mỹ Phong, Mỹ Quang, Mỹ Tài, Mỹ Thành, Mỹ Thắng, Mỹ Thọ, Mỹ Trinh',
      ),
    ],
  },
  {
    number: 29,
    name: 'huyện Tây Sơn',
    communes: [
      ...tt('Phú Phong'),
      ...x(
        'Bình Hòa, Bình Nghi, Bình Tân, Bình Thành, Bình Thuận, Bình Tường, Tây An, Tây Bình, ' +
          'Tây Giang, Tây Phú, Tây Thuận, Tây Vinh, Tây Xuân, Vĩnh An',
      ),
    ],
  },
  {
    number: 30,
    name: 'huyện Vĩnh Thạnh',
    communes: [
      ...tt('Vĩnh Thạnh'),
      ...x('Vĩnh Hảo, Vĩnh Hiệp, Vĩnh Hòa, Vĩnh Kim, Vĩnh Quang, Vĩnh Sơn, Vĩnh Thịnh, Vĩnh Thuận'),
    ],
  },
  {
    number: 31,
    name: 'huyện Vân Canh',
    communes: [...tt('Vân Canh'), ...x('Canh Hiển, Canh Hiệp, Canh Hòa, Canh Liên, Canh Thuận, Canh Vinh')],
  },
  {
    number: 32,
    name: 'huyện Hoài Ân',
    communes: [
      ...tt('Tăng Bạt Hổ'),
      ...x(
        'Ân Đức, Ân Hảo Đông, Ân Hảo Tây, Ân Hữu, Ân Mỹ, Ân Nghĩa, Ân Phong, Ân Sơn, Ân Thạnh, Ân Tín, ' +
          'Ân Tường Đông, Ân Tường Tây, Bok Tới, Đak Mang',
      ),
    ],
  },
  {
    number: 33,
    name: 'huyện An Lão',
    communes: [
      ...tt('An Lão'),
      ...x('An Dũng, An Hòa, An Hưng, An Nghĩa, An Quang, An Tân, An Toàn, An Trung, An Vinh'),
    ],
  },
];
