/**
 * What simulated feedback says and who sends it: Vietnamese names, phones and e-mails
 * (personal data the hub must mask), titles, contents and answers drawn from templates.
 */

import type { FeedbackClassification } from '../../../src/domain/model';
import { foldDiacritics } from '../../../src/domain/text';
import type { Rng } from '../kit/prng';

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Hữu', 'Đức', 'Thanh', 'Quốc', 'Thị Thu', 'Văn Anh', 'Hoài'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hà',
  'Hải',
  'Hạnh',
  'Hoa',
  'Hùng',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Phúc',
  'Quân',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vy',
  'Sương',
  'Khoa',
];
const PHONE_PREFIXES = [
  '090',
  '091',
  '093',
  '094',
  '096',
  '097',
  '098',
  '032',
  '035',
  '038',
  '077',
  '079',
  '083',
  '085',
];
const MAIL_HOSTS = ['gmail.com', 'yahoo.com', 'binhdinh.gov.vn', 'outlook.com'];

export interface Sender {
  hoTen: string | null;
  soDienThoai: string | null;
  email: string | null;
}

export function senderFor(rng: Rng): Sender | null {
  if (rng.chance(0.03)) return null; // anonymous
  const name = `${rng.pick(FAMILY)} ${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}`;
  const phone = rng.chance(0.92)
    ? `${rng.pick(PHONE_PREFIXES)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`
    : null;
  const login = foldDiacritics(name).replace(/\s+/g, '.');
  const email = rng.chance(0.55) ? `${login}${rng.int(1, 99)}@${rng.pick(MAIL_HOSTS)}` : null;
  return { hoTen: name, soDienThoai: phone, email };
}

interface Subject {
  procedure: string | null;
  agency: string;
}

const TITLES: Record<FeedbackClassification, ReadonlyArray<(s: Subject) => string>> = {
  QUY_DINH_TTHC: [
    (s) => `Phản ánh thời gian giải quyết thủ tục "${s.procedure}"`,
    (s) => `Kiến nghị đơn giản hóa thành phần hồ sơ thủ tục "${s.procedure}"`,
    (s) => `Hỏi về phí, lệ phí khi thực hiện thủ tục "${s.procedure}"`,
    (s) => `Đề nghị hướng dẫn nộp hồ sơ trực tuyến thủ tục "${s.procedure}"`,
    (s) => `Phản ánh hồ sơ trễ hẹn tại ${s.agency}`,
  ],
  HANH_VI_CB: [
    (s) => `Phản ánh thái độ của cán bộ tiếp nhận hồ sơ tại ${s.agency}`,
    (s) => `Phản ánh cán bộ yêu cầu bổ sung giấy tờ ngoài quy định tại ${s.agency}`,
    (s) => `Phản ánh việc hẹn trả kết quả nhiều lần tại ${s.agency}`,
  ],
  KHAC: [
    (s) => `Kiến nghị bố trí thêm chỗ ngồi chờ tại Bộ phận Một cửa ${s.agency}`,
    () => 'Phản ánh Cổng dịch vụ công bị lỗi khi thanh toán trực tuyến',
    (s) => `Đề nghị kéo dài giờ tiếp nhận hồ sơ tại ${s.agency}`,
  ],
};

const CONTENTS: ReadonlyArray<(s: Subject) => string> = [
  (s) =>
    `Tôi đã liên hệ ${s.agency} nhiều lần nhưng chưa được giải quyết dứt điểm. Đề nghị cơ quan có thẩm quyền xem xét, trả lời.`,
  (s) =>
    s.procedure
      ? `Khi thực hiện thủ tục ${s.procedure}, tôi được yêu cầu nộp thêm giấy tờ không có trong danh mục công bố. Đề nghị hướng dẫn cụ thể.`
      : `Đề nghị ${s.agency} xem xét và có biện pháp khắc phục sớm.`,
  () => 'Kính đề nghị cơ quan chức năng kiểm tra, làm rõ và thông tin lại cho người dân được biết.',
];

const ANSWERS: ReadonlyArray<(s: Subject) => string> = [
  (s) => `${s.agency} đã kiểm tra và giải quyết theo đúng quy định. Xin cảm ơn ông/bà đã phản ánh.`,
  (s) => `Nội dung phản ánh đã được ${s.agency} tiếp thu, chấn chỉnh và hướng dẫn cụ thể cho ông/bà.`,
  () =>
    'Thành phần hồ sơ thực hiện theo quyết định công bố thủ tục hành chính hiện hành; đề nghị ông/bà liên hệ Bộ phận Một cửa để được hướng dẫn.',
];

const REFUSALS = [
  'Nội dung không thuộc phạm vi tiếp nhận phản ánh, kiến nghị về quy định hành chính.',
  'Phản ánh không đủ thông tin để xem xét, xử lý.',
];

export function titleFor(rng: Rng, classification: FeedbackClassification, s: Subject): string {
  const options = TITLES[classification].filter(
    (_, i) => s.procedure !== null || classification !== 'QUY_DINH_TTHC' || i === 4,
  );
  return rng.pick(options)(s);
}

export function contentFor(rng: Rng, s: Subject): string {
  return rng.pick(CONTENTS)(s);
}

export function answerFor(rng: Rng, s: Subject): string {
  return rng.pick(ANSWERS)(s);
}

export function refusalFor(rng: Rng): string {
  return rng.pick(REFUSALS);
}
