/**
 * The parts of a procedure record drawn around its real base data: channels with
 * processing times and fees, subjects, documents, results, legal bases.
 */

import type { Channel, OnlineLevel, TimeUnit } from '../../../src/domain/model';
import type { Rng } from '../kit/prng';
import { ISSUER_BY_SUFFIX, MINISTRIES } from './data/ministries';
import type { LawData, ProcedureData, UnitLetters } from './data/sector-types';
import type {
  WorldChannel,
  WorldCodeName,
  WorldDocumentCase,
  WorldFee,
  WorldLegalBasis,
  WorldTime,
} from './types';

const UNITS: Record<UnitLetters, TimeUnit> = { WD: 'WORKING_DAY', D: 'DAY', H: 'HOUR', M: 'MONTH' };

export function channelsFor(rng: Rng, base: ProcedureData, variant: number): WorldChannel[] {
  const [, , time, unitLetters, baseFee] = base;
  const unit = UNITS[unitLetters];
  let value = Number(time);
  if (variant > 0 && value >= 3 && rng.chance(0.4))
    value = Math.max(1, Math.round(value * rng.pick([0.5, 0.7, 1.5])));
  let fee = baseFee;
  if (variant > 0 && fee > 0 && rng.chance(0.5))
    fee = Math.round((fee * rng.pick([0.5, 0.6, 2])) / 1000) * 1000;
  const feeLabel = rng.chance(0.6) ? 'Lệ phí' : 'Phí thẩm định';
  const feeCode = rng.pick(['LP01', 'P01', 'LP1']);
  const statesNoFee = baseFee === 0 && rng.chance(0.5);
  const extraCase = rng.chance(0.1);
  const present: Channel[] = [];
  const direct = rng.chance(0.97);
  if (direct) present.push('DIRECT');
  if (!direct || rng.chance(0.55)) present.push('ONLINE');
  if (rng.chance(0.45)) present.push('POSTAL');
  return present.map((channel) => {
    const own = channel === 'ONLINE' && value > 2 && rng.chance(0.2) ? value - 1 : value;
    const times: WorldTime[] = [{ value: own, unit, description: 'Kể từ ngày nhận đủ hồ sơ hợp lệ' }];
    if (extraCase) times.push({ value: own * 2, unit, description: 'Trường hợp cần xác minh, làm rõ' });
    return { channel, times, fees: feesFor(rng, channel, { fee, feeCode, feeLabel, statesNoFee }) };
  });
}

/** A channel's fees (drawn after its times, so the seeded draws keep their order). */
function feesFor(
  rng: Rng,
  channel: string,
  f: { fee: number; feeCode: string; feeLabel: string; statesNoFee: boolean },
): WorldFee[] {
  const fees: WorldFee[] = [];
  if (f.fee > 0) {
    const reduced = channel === 'ONLINE' && rng.chance(0.15);
    fees.push({ code: f.feeCode, amount: reduced ? f.fee / 2 : f.fee, description: f.feeLabel });
    if (rng.chance(0.08)) fees.push({ code: 'P02', amount: 20000, description: 'Phí cấp bản sao' });
  } else if (f.statesNoFee) {
    fees.push({ code: 'LP00', amount: 0, description: 'Không thu phí, lệ phí' });
  }
  return fees;
}

export function onlineLevelFor(rng: Rng, channels: readonly WorldChannel[]): OnlineLevel {
  if (!channels.some((c) => c.channel === 'ONLINE')) return 'INFO';
  return rng.chance(0.45) ? 'FULL' : 'PARTIAL';
}

const SUBJECTS: Record<string, WorldCodeName[]> = {
  C: [
    { code: '1', name: 'Công dân Việt Nam' },
    { code: '2', name: 'Người Việt Nam định cư ở nước ngoài' },
    { code: '3', name: 'Người nước ngoài' },
  ],
  B: [
    { code: '5', name: 'Doanh nghiệp' },
    { code: '6', name: 'Doanh nghiệp có vốn đầu tư nước ngoài' },
    { code: '7', name: 'Hợp tác xã' },
  ],
  O: [
    { code: '8', name: 'Tổ chức (không bao gồm doanh nghiệp, HTX)' },
    { code: '9', name: 'Cán bộ, công chức, viên chức' },
  ],
};

export function subjectsFor(rng: Rng, letters: string): WorldCodeName[] {
  const out: WorldCodeName[] = [];
  for (const letter of letters) {
    const pool = SUBJECTS[letter] ?? [];
    out.push(...rng.sample(pool, rng.int(1, pool.length)));
  }
  return out;
}

const COMMON_DOCUMENTS = [
  'Bản sao Giấy chứng minh nhân dân, Căn cước công dân hoặc Hộ chiếu',
  'Văn bản ủy quyền (trường hợp ủy quyền thực hiện thủ tục)',
  'Bản sao Giấy chứng nhận đăng ký doanh nghiệp',
  'Bản sao các giấy tờ chứng minh đủ điều kiện theo quy định',
  'Sơ đồ vị trí, mặt bằng',
  '02 ảnh màu cỡ 4 x 6 cm',
  'Bản thuyết minh, báo cáo kèm theo',
  'Giấy tờ chứng minh nơi cư trú',
];

export function documentsFor(rng: Rng, name: string): WorldDocumentCase[] {
  const form = /^(Đăng ký|Thông báo|Khai báo)/.test(name) ? 'Tờ khai (theo mẫu)' : 'Đơn đề nghị (theo mẫu)';
  const cases = rng.chance(0.15) ? ['Trường hợp cá nhân', 'Trường hợp tổ chức'] : [''];
  let n = 0;
  return cases.map((caseName) => ({
    name: caseName,
    documents: [form, ...rng.sample(COMMON_DOCUMENTS, rng.int(1, 4))].map((doc, i) => ({
      code: `GT${++n}`,
      name: doc,
      originals: i === 0 ? 1 : rng.int(0, 1),
      copies: i === 0 ? 0 : rng.int(0, 2),
    })),
  }));
}

const RESULT_PATTERN =
  /(Giấy phép|Giấy chứng nhận|Giấy xác nhận|Chứng chỉ|chứng chỉ|Thẻ|thẻ|Phiếu lý lịch tư pháp|Trích lục|Giấy khen|Bằng khen|Sổ đăng ký|hộ chiếu|thị thực|phù hiệu)[^,;()]*/;

export function resultsFor(name: string): WorldCodeName[] {
  const special: Array<[RegExp, string]> = [
    [/^Đăng ký khai sinh/, 'Giấy khai sinh'],
    [/^Đăng ký kết hôn/, 'Giấy chứng nhận kết hôn'],
    [/^Đăng ký khai tử/, 'Trích lục khai tử'],
    [/^Chứng thực/, 'Bản sao, giấy tờ, văn bản được chứng thực'],
  ];
  const hit = special.find(([re]) => re.test(name));
  let result = hit?.[1];
  if (!result) {
    const m = RESULT_PATTERN.exec(name);
    if (m) result = m[0].split(' ').slice(0, 12).join(' ').trim();
    else if (/^(Thẩm định|Thẩm duyệt)/.test(name)) result = 'Văn bản thông báo kết quả thẩm định';
    else if (/^(Đăng ký|Thông báo|Khai báo|Kê khai)/.test(name)) result = 'Văn bản xác nhận';
    else result = 'Quyết định giải quyết';
  }
  return [{ code: 'KQ1', name: result.charAt(0).toUpperCase() + result.slice(1) }];
}

export function legalBasesFor(rng: Rng, laws: readonly LawData[]): WorldLegalBasis[] {
  const chosen = new Set(rng.sample(laws, rng.int(1, Math.min(3, laws.length))));
  return laws.filter((l) => chosen.has(l)).map(toLegalBasis);
}

function toLegalBasis([number, issued, title]: LawData): WorldLegalBasis {
  const [d, m, y] = issued.split('/');
  return {
    number,
    title: title ?? `${documentKind(number)} số ${number}`,
    issuedDate: `${y}-${m}-${d}`,
    issuer: issuerOf(number),
  };
}

function documentKind(number: string): string {
  if (number.includes('NĐ-CP')) return 'Nghị định';
  if (number.includes('/TT')) return 'Thông tư';
  if (number.includes('/QĐ')) return 'Quyết định';
  if (number.includes('UBTVQH')) return 'Pháp lệnh';
  return 'Luật';
}

export function issuerOf(number: string): string {
  const direct = ISSUER_BY_SUFFIX.find(([re]) => re.test(number));
  if (direct) return direct[1];
  const suffix = /\/TT-(.+)$/.exec(number)?.[1] ?? '';
  const ministry =
    MINISTRIES.find(([, , abbr]) => abbr === suffix) ??
    MINISTRIES.find(([, , abbr]) => suffix.startsWith(abbr) || suffix.startsWith(`B${abbr}`));
  return ministry?.[1] ?? 'Chính phủ';
}
