/**
 * Applicants of simulated dossiers: plausible Vietnamese names, identity numbers (12-digit
 * CCCD), tax codes, phones and e-mails, drawn from a dossier's own generator. None of it
 * is a real person.
 */
import type { Rng } from '../kit/prng';

const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Hoàng',
  'Võ',
  'Phan',
  'Trương',
  'Bùi',
  'Đặng',
  'Đỗ',
  'Ngô',
  'Hồ',
  'Dương',
  'Đinh',
];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Thanh', 'Ngọc', 'Đức', 'Thu', 'Quốc', 'Xuân', 'Hoài', 'Kim'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phúc',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Trung',
  'Tuấn',
  'Vy',
  'Yến',
];
const ASCII: Record<string, string> = { Nguyễn: 'nguyen', Trần: 'tran', Lê: 'le', Phạm: 'pham' };
const BUSINESS_KINDS = ['Công ty TNHH', 'Công ty cổ phần', 'Hộ kinh doanh', 'Doanh nghiệp tư nhân'];
const BUSINESS_NAMES = [
  'Phú Tài',
  'Hoàng Long',
  'Quy Nhơn Xanh',
  'Tây Sơn',
  'Biển Đông',
  'An Phát',
  'Minh Khang',
  'Sông Côn',
];
const ORGANISATIONS = ['Trường Tiểu học', 'Hợp tác xã nông nghiệp', 'Hội Nông dân xã', 'Trạm Y tế'];

export type ApplicantTypeId = 1 | 2 | 3 | 4;

export interface RawApplicant {
  type: ApplicantTypeId;
  data: { fullname: string; identityNumber: string; phone: string; email?: string };
}

export function applicantFor(rng: Rng): RawApplicant {
  const u = rng.next();
  const type: ApplicantTypeId = u < 0.78 ? 1 : u < 0.95 ? 2 : u < 0.97 ? 3 : 4;
  const phone = `0${rng.pick(['90', '91', '93', '94', '96', '97', '98', '32', '35', '38', '70', '77'])}${digits(rng, 7)}`;
  if (type === 1) {
    const surname = rng.pick(SURNAMES);
    const fullname = `${surname} ${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}`;
    // CCCD: province of birth (052 is Bình Định), century and sex, year, then six digits.
    const identityNumber = `052${rng.pick(['0', '1', '2', '3'])}${digits(rng, 8)}`;
    const email = rng.chance(0.3) ? `${ASCII[surname] ?? 'cd'}${digits(rng, 4)}@gmail.com` : undefined;
    return { type, data: { fullname, identityNumber, phone, ...(email ? { email } : {}) } };
  }
  const fullname =
    type === 2
      ? `${rng.pick(BUSINESS_KINDS)} ${rng.pick(BUSINESS_NAMES)}`
      : type === 3
        ? `Ủy ban nhân dân xã ${rng.pick(GIVEN)}`
        : `${rng.pick(ORGANISATIONS)} ${rng.pick(BUSINESS_NAMES)}`;
  // Organisations file with their 10-digit tax code (mã số thuế, 41… in Bình Định).
  return {
    type,
    data: {
      fullname,
      identityNumber: `41${digits(rng, 8)}`,
      phone,
      email: `lienhe${digits(rng, 3)}@${rng.pick(['gmail.com', 'binhdinh.gov.vn'])}`,
    },
  };
}

function digits(rng: Rng, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += String(rng.int(0, 9));
  return out;
}
