import type { SectorData } from './sector-types';

/** Bộ Nông nghiệp và Phát triển nông thôn's sectors. */
export const AGRICULTURE_SECTORS: readonly SectorData[] = [
  {
    code: 'G10-TY',
    name: 'Thú y',
    ministry: 'G10',
    departments: [9],
    subjects: 'CB',
    laws: [
      ['79/2015/QH13', '19/06/2015', 'Luật Thú y'],
      ['35/2016/NĐ-CP', '15/05/2016'],
      ['25/2016/TT-BNNPTNT', '30/06/2016'],
      ['285/2016/TT-BTC', '14/11/2016'],
    ],
    procedures: [
      ['Cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc thú y', 'T', '15', 'WD', 230000],
      ['Cấp, gia hạn Chứng chỉ hành nghề thú y', 'T', '5', 'WD', 0],
      [
        'Cấp Giấy chứng nhận kiểm dịch động vật, sản phẩm động vật vận chuyển ra khỏi địa bàn cấp tỉnh',
        'T',
        '1',
        'WD',
        40000,
      ],
      ['Cấp Giấy chứng nhận cơ sở an toàn dịch bệnh động vật', 'T', '10', 'WD', 300000],
    ],
  },
  {
    code: 'G10-BVTV',
    name: 'Bảo vệ thực vật',
    ministry: 'G10',
    departments: [9],
    subjects: 'CB',
    laws: [
      ['41/2013/QH13', '25/11/2013', 'Luật Bảo vệ và kiểm dịch thực vật'],
      ['66/2016/NĐ-CP', '01/07/2016'],
      ['21/2015/TT-BNNPTNT', '08/06/2015'],
    ],
    procedures: [
      ['Cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật', 'T', '15', 'WD', 500000],
      ['Cấp giấy phép vận chuyển thuốc bảo vệ thực vật', 'T', '7', 'WD', 0],
      ['Cấp Giấy xác nhận nội dung quảng cáo thuốc bảo vệ thực vật', 'T', '10', 'WD', 600000],
    ],
  },
  {
    code: 'G10-TS',
    name: 'Thủy sản',
    ministry: 'G10',
    departments: [9],
    subjects: 'CB',
    laws: [
      ['18/2017/QH14', '21/11/2017', 'Luật Thủy sản'],
      ['26/2019/NĐ-CP', '08/03/2019'],
      ['23/2018/TT-BNNPTNT', '15/11/2018'],
    ],
    procedures: [
      ['Cấp giấy phép khai thác thủy sản', 'T', '6', 'WD', 40000],
      ['Cấp văn bản chấp thuận đóng mới, cải hoán, thuê, mua tàu cá trên biển', 'T', '5', 'WD', 0],
      ['Đăng ký tàu cá', 'T', '3', 'WD', 70000],
      ['Cấp Giấy chứng nhận an toàn kỹ thuật tàu cá', 'T', '5', 'WD', 0],
      ['Xác nhận đăng ký nuôi trồng thủy sản lồng bè, đối tượng thủy sản nuôi chủ lực', 'H', '5', 'WD', 0],
    ],
  },
  {
    code: 'G10-LN',
    name: 'Lâm nghiệp',
    ministry: 'G10',
    departments: [9],
    subjects: 'CB',
    laws: [
      ['16/2017/QH14', '15/11/2017', 'Luật Lâm nghiệp'],
      ['156/2018/NĐ-CP', '16/11/2018'],
      ['06/2019/NĐ-CP', '22/01/2019'],
      ['27/2018/TT-BNNPTNT', '16/11/2018'],
    ],
    procedures: [
      ['Phê duyệt phương án khai thác thực vật rừng thông thường', 'TH', '10', 'WD', 0],
      ['Xác nhận bảng kê lâm sản', 'HX', '2', 'WD', 0],
      [
        'Đăng ký mã số cơ sở nuôi, trồng các loài động vật rừng, thực vật rừng nguy cấp, quý, hiếm Nhóm II và động vật, thực vật hoang dã nguy cấp thuộc Phụ lục II, III CITES',
        'T',
        '5',
        'WD',
        0,
      ],
    ],
  },
  {
    code: 'G10-TL',
    name: 'Thủy lợi',
    ministry: 'G10',
    departments: [9],
    subjects: 'CBO',
    laws: [
      ['08/2017/QH14', '19/06/2017', 'Luật Thủy lợi'],
      ['67/2018/NĐ-CP', '14/05/2018'],
    ],
    procedures: [
      [
        'Cấp giấy phép cho các hoạt động trong phạm vi bảo vệ công trình thủy lợi thuộc thẩm quyền cấp phép của Ủy ban nhân dân tỉnh',
        'T',
        '20',
        'WD',
        0,
      ],
      ['Phê duyệt phương án cắm mốc chỉ giới phạm vi bảo vệ công trình thủy lợi', 'TH', '20', 'WD', 0],
    ],
  },
  {
    code: 'G10-QLCL',
    name: 'Quản lý chất lượng nông lâm sản và thủy sản',
    ministry: 'G10',
    departments: [9],
    subjects: 'B',
    laws: [
      ['55/2010/QH12', '17/06/2010', 'Luật An toàn thực phẩm'],
      ['15/2018/NĐ-CP', '02/02/2018'],
      ['38/2018/TT-BNNPTNT', '25/12/2018'],
    ],
    procedures: [
      [
        'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh thực phẩm nông, lâm, thủy sản',
        'TH',
        '15',
        'WD',
        700000,
      ],
      ['Công nhận nghề truyền thống, làng nghề, làng nghề truyền thống', 'T', '30', 'D', 0],
    ],
  },
];
