/**
 * The plan's own table, as the province publishes it, with two columns added: the
 * indicators that measure each task and its status, in Vietnamese. One list of rows
 * serves every format.
 */
import type { PlanStatus } from '../plan.enums';
import type { StoredPlan } from '../plan.queries';
import type { PlanIndicatorNode, PlanProgressNode } from '../progress.types';

export const REPORT_COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Nội dung công việc', width: 42 },
  { header: 'Cơ quan chủ trì thực hiện', width: 24 },
  { header: 'Cơ quan phối hợp thực hiện', width: 24 },
  { header: 'Kết quả công việc', width: 32 },
  { header: 'Thời gian', width: 22 },
  { header: 'Chỉ số theo dõi', width: 48 },
  { header: 'Tình trạng', width: 16 },
] as const;

export const STATUS_VI: Record<PlanStatus, string> = {
  ON_TRACK: 'Đúng tiến độ',
  AT_RISK: 'Có nguy cơ chậm',
  MISSED: 'Không đạt',
  DONE: 'Hoàn thành',
  NOT_MEASURABLE: 'Không đo được từ dữ liệu',
};

export type ReportRow =
  | { kind: 'section'; number: string; title: string }
  | { kind: 'task'; cells: string[]; status: PlanStatus };

export interface PlanReport {
  title: string;
  lines: string[];
  rows: ReportRow[];
}

export function planReport(plan: StoredPlan, progress: PlanProgressNode): PlanReport {
  const byTask = new Map(progress.tasks.map((t) => [t.task.number, t]));
  const rows: ReportRow[] = [];
  for (const section of plan.sections) {
    const tasks = plan.tasks.filter((t) => t.section === section.number && byTask.has(t.number));
    if (tasks.length === 0) continue;
    rows.push({ kind: 'section', number: section.number, title: section.title });
    for (const task of tasks) {
      const p = byTask.get(task.number)!;
      rows.push({
        kind: 'task',
        status: p.status,
        cells: [
          String(task.number),
          task.content,
          task.leadsText,
          task.partnersText,
          task.expectedResult,
          task.deadlineText,
          p.indicators.length
            ? p.indicators.map(indicatorText).join('\n')
            : 'Không có chỉ số trong dữ liệu các cổng',
          STATUS_VI[p.status],
        ],
      });
    }
  }
  return {
    title: plan.title,
    lines: [
      ...(plan.decision ? [`(${plan.decision})`] : []),
      `Kỳ theo dõi: ${dayVi(progress.from)} – ${dayVi(progress.to)}; đánh giá đến ngày ${dayVi(progress.asOf)}`,
      `Phạm vi: ${progress.agency ? `cơ quan ${progress.agency} và các đơn vị trực thuộc` : 'toàn tỉnh'}`,
    ],
    rows,
  };
}

/** `Tên chỉ số: 97,0 % (32/33); mục tiêu 100 %; Có nguy cơ chậm`. */
export function indicatorText(i: PlanIndicatorNode): string {
  const ratio = i.denominator !== null;
  const value =
    i.value === null
      ? 'chưa có số liệu'
      : `${ratio ? percent(i.value) : integer(i.value)}${ratio ? ` (${i.numerator}/${i.denominator})` : ''}`;
  const target = i.target === null ? '' : `; mục tiêu ${ratio ? percent(i.target) : integer(i.target)}`;
  const date = i.date ? `; ngày ${dayVi(i.date)}` : '';
  return `- ${i.name}: ${value}${date}${target}; ${STATUS_VI[i.status]}`;
}

/** Exports show percentages with one decimal (domain.md), Vietnamese style. */
function percent(v: number): string {
  return `${(Math.round(v * 1000) / 10).toFixed(1).replace('.', ',')} %`;
}

function integer(v: number): string {
  return Math.round(v).toLocaleString('vi-VN');
}

function dayVi(d: string): string {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}
