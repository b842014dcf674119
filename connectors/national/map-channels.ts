import type {
  Channel,
  ChannelTerms,
  Fee,
  FieldIssue,
  ProcessingTime,
  TimeUnit,
} from '../../src/domain/model';
import { parseVnd } from '../../src/domain/money';
import { normalizeText } from '../../src/domain/text';
import { RecordProblem, textOrNull } from '../kit/record-fields';
import type { RawChannel, RawFee } from './records';

/** upstream-apis.md §1: KENH 1 in person, 2 online, 3 public postal service. */
const CHANNELS: Record<number, Channel> = { 1: 'DIRECT', 2: 'ONLINE', 3: 'POSTAL' };

/** DONVITINH free text → unit, compared after NFC, trimming and lower-casing (§1). */
const UNITS: Record<string, TimeUnit> = {
  'ngày làm việc': 'WORKING_DAY',
  ngày: 'DAY',
  'giờ làm việc': 'HOUR',
  giờ: 'HOUR',
  tháng: 'MONTH',
};

const DECIMAL = /^\d+(\.\d+)?$/;

export function timeUnitOf(text: string): TimeUnit | null {
  return UNITS[normalizeText(text).toLocaleLowerCase('vi')] ?? null;
}

/** Processing times and fees per channel; PHILEPHI is read both inside THOIGIAN and on the channel. */
export function toChannels(raw: RawChannel[], issues: FieldIssue[]): ChannelTerms[] {
  return raw.map((item, i) => {
    const at = `CACHTHUCTHUCHIEN[${i}]`;
    const channel = CHANNELS[item.KENH];
    if (!channel)
      throw new RecordProblem(`${at}.KENH`, `unknown channel KENH ${item.KENH} (expected 1, 2 or 3)`);
    const fees: Fee[] = [];
    const times = item.THOIGIAN.map((time, j): ProcessingTime => {
      const timeAt = `${at}.THOIGIAN[${j}]`;
      time.PHILEPHI.forEach((fee, k) => {
        addFee(fees, toFee(fee, `${timeAt}.PHILEPHI[${k}]`));
      });
      return {
        value: timeValue(time.THOIGIANGIAIQUYET, `${timeAt}.THOIGIANGIAIQUYET`, issues),
        unit: unitOf(time.DONVITINH, `${timeAt}.DONVITINH`, issues),
        description: textOrNull(time.MOTA),
      };
    });
    item.PHILEPHI.forEach((fee, k) => {
      addFee(fees, toFee(fee, `${at}.PHILEPHI[${k}]`));
    });
    return { channel, times, fees };
  });
}

function toFee(raw: RawFee, at: string): Fee {
  let amount: number;
  try {
    amount = parseVnd(raw.SOTIEN);
  } catch (error) {
    throw new RecordProblem(`${at}.SOTIEN`, (error as Error).message);
  }
  return { code: textOrNull(raw.MAPHILEPHI), amount, description: textOrNull(raw.MOTA) };
}

/** The same fee listed in both places is one fee, not two. */
function addFee(fees: Fee[], fee: Fee): void {
  const same = fees.some(
    (f) => f.code === fee.code && f.amount === fee.amount && f.description === fee.description,
  );
  if (!same) fees.push(fee);
}

/** An unreadable time is a field-level problem: the value is null and the record kept. */
function timeValue(
  raw: string | number | null | undefined,
  field: string,
  issues: FieldIssue[],
): number | null {
  if (raw === null || raw === undefined) {
    issues.push({ field, reason: 'missing processing time' });
    return null;
  }
  const text = typeof raw === 'number' ? String(raw) : raw.trim();
  if (!DECIMAL.test(text)) {
    issues.push({ field, reason: 'processing time is not a non-negative decimal', value: raw });
    return null;
  }
  return Number(text);
}

function unitOf(raw: string | null | undefined, field: string, issues: FieldIssue[]): TimeUnit | null {
  const unit = raw === null || raw === undefined ? null : timeUnitOf(raw);
  if (unit === null) issues.push({ field, reason: 'unknown time unit', value: raw ?? null });
  return unit;
}
