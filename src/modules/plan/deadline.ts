import { addDays, daysInMonth, isLocalDate, pad2, pad4 } from '../../domain/local-date';
import type { LocalDate } from '../../domain/model';
import type { PlanDeadline, PlanDeadlineKind } from './plan.model';

/**
 * Reads a plan's deadline cell (`Thời gian`) into a kind and dates. Only the phrasings
 * the province's plans use are recognised; anything else is OTHER with no dates, because
 * a guessed date would make a task look MISSED or DONE on no ground.
 */
export function parseDeadline(text: string, planYear: number): PlanDeadline {
  // A cell may list several rules as `- …` bullets: the first one is the task's deadline,
  // the others are exceptions (task 1 of the 2020 plan).
  const first = firstBullet(text);
  for (const rule of RULES) {
    const m = rule.pattern.exec(first);
    if (!m) continue;
    const read: PlanDeadline = { ...none(rule.kind), ...rule.read(m, planYear) };
    // `Quý V/2020` or `tháng 13/2020` names no day: keep it as text.
    if ([read.from, read.to].every((d) => d === null || isLocalDate(d))) return read;
    return none('OTHER');
  }
  return none('OTHER');
}

interface Rule {
  kind: PlanDeadlineKind;
  pattern: RegExp;
  read: (m: RegExpExecArray, planYear: number) => Partial<PlanDeadline>;
}

const QUARTER = '(I|II|III|IV|[1-4])';
const MONTH_YEAR = '(\\d{1,2})\\s*/\\s*(\\d{4})';

const RULES: Rule[] = [
  { kind: 'CONTINUOUS', pattern: /^thường xuyên$/iu, read: () => ({}) },
  {
    kind: 'IN_YEAR',
    pattern: /^trong năm(?:\s+(\d{4}))?$/iu,
    read: (m, planYear) => {
      const year = m[1] ? Number(m[1]) : planYear;
      return { from: day(year, 1, 1), to: day(year, 12, 31) };
    },
  },
  {
    kind: 'QUARTER',
    pattern: new RegExp(`^(?:trong )?quý\\s+${QUARTER}\\s*/\\s*(\\d{4})$`, 'iu'),
    read: (m) => quarterRange(quarterNumber(m[1]!), Number(m[2])),
  },
  {
    kind: 'BEFORE_QUARTER',
    pattern: new RegExp(`^trước quý\\s+${QUARTER}\\s*/\\s*(\\d{4})$`, 'iu'),
    read: (m) => ({ to: dayBefore(quarterRange(quarterNumber(m[1]!), Number(m[2])).from) }),
  },
  {
    kind: 'BEFORE_MONTH',
    pattern: new RegExp(`^trước tháng\\s+${MONTH_YEAR}$`, 'iu'),
    read: (m) => ({ to: dayBefore(day(Number(m[2]), Number(m[1]), 1)) }),
  },
  {
    kind: 'MONTH_RANGE',
    pattern: new RegExp(`^từ tháng\\s+${MONTH_YEAR}\\s+đến(?: hết)? tháng\\s+${MONTH_YEAR}$`, 'iu'),
    read: (m) => {
      const toYear = Number(m[4]);
      const toMonth = Number(m[3]);
      return {
        from: day(Number(m[2]), Number(m[1]), 1),
        to: day(toYear, toMonth, daysInMonth(toYear, toMonth)),
      };
    },
  },
  {
    kind: 'WORKING_DAYS_AFTER',
    pattern: /^(?:chậm nhất\s+)?(?:sau|trong(?: vòng)?)\s+(\d{1,3})\s+ngày làm việc\s+(?:kể\s+)?từ(?=\s|$)/iu,
    read: (m) => ({ workingDays: Number(m[1]) }),
  },
  { kind: 'AFTER_EVENT', pattern: /^(?:ngay\s+)?sau khi\s+\S/iu, read: () => ({}) },
  { kind: 'BY_ROADMAP', pattern: /^(?:thực hiện\s+)?theo lộ trình(?=\s|$)/iu, read: () => ({}) },
  {
    kind: 'BY_REGULATION',
    pattern:
      /^(?:thực hiện\s+)?theo (?:đúng\s+)?(?:quy định|thông tư|nghị định|quyết định|công văn|luật)(?=\s|$)/iu,
    read: () => ({}),
  },
];

function none(kind: PlanDeadlineKind): PlanDeadline {
  return { kind, from: null, to: null, workingDays: null };
}

function firstBullet(text: string): string {
  const flat = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const bullets = flat
    .split(/(?:^|\s)-\s+/)
    .map((b) => b.trim())
    .filter(Boolean);
  return (bullets[0] ?? '').replace(/[.;,]$/, '').trim();
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };

function quarterNumber(s: string): number {
  return ROMAN[s.toUpperCase()] ?? Number(s);
}

function quarterRange(q: number, year: number): { from: LocalDate; to: LocalDate } {
  const lastMonth = q * 3;
  return { from: day(year, lastMonth - 2, 1), to: day(year, lastMonth, daysInMonth(year, lastMonth)) };
}

function day(year: number, month: number, d: number): LocalDate {
  // An impossible month gives an invalid date string, which parseDeadline turns into OTHER.
  if (month < 1 || month > 12) return `${pad4(year)}-${pad2(month)}-00`;
  return `${pad4(year)}-${pad2(month)}-${pad2(d)}`;
}

function dayBefore(date: LocalDate): LocalDate {
  return isLocalDate(date) ? addDays(date, -1) : date;
}
