import type { Level, LocalDate } from '../../domain/model';

/** How a deadline cell reads (issue 13, "Deadlines"). OTHER keeps the text; nothing is guessed. */
export const PLAN_DEADLINE_KINDS = [
  'CONTINUOUS',
  'IN_YEAR',
  'QUARTER',
  'BEFORE_QUARTER',
  'BEFORE_MONTH',
  'MONTH_RANGE',
  'WORKING_DAYS_AFTER',
  'AFTER_EVENT',
  'BY_ROADMAP',
  'BY_REGULATION',
  'OTHER',
] as const;
export type PlanDeadlineKind = (typeof PLAN_DEADLINE_KINDS)[number];

export interface PlanDeadline {
  kind: PlanDeadlineKind;
  /** First day the task runs, when the text says one. */
  from: LocalDate | null;
  /** Last day the task may end on, when the text says one. */
  to: LocalDate | null;
  /** For WORKING_DAYS_AFTER: the number of working days after the event. */
  workingDays: number | null;
}

/**
 * NAMED: one body to find among the agencies (`Ban Dân tộc`). LEVEL: every agency of a
 * level (`UBND cấp huyện`). GROUP: a phrase naming no one in particular (`Các cơ quan có
 * liên quan`), which no agency list can resolve.
 */
export type PlanBodyKind = 'NAMED' | 'LEVEL' | 'GROUP';

export interface PlanBodyText {
  /** The body as the plan writes it, without its scope note. */
  text: string;
  /** A scope note in parentheses after the body (`đối với Cổng thông tin điện tử của tỉnh`), or null. */
  note: string | null;
  kind: PlanBodyKind;
  /** For LEVEL bodies, the level they stand for. */
  level: Level | null;
}

export interface PlanSectionText {
  /** Roman numeral as printed: `I` … `V`. */
  number: string;
  title: string;
}

export interface PlanTaskText {
  number: number;
  /** The section number (`I`) the task is listed under. */
  section: string;
  content: string;
  leadsText: string;
  partnersText: string;
  leads: PlanBodyText[];
  partners: PlanBodyText[];
  expectedResult: string;
  deadlineText: string;
  deadline: PlanDeadline;
  /** Where the task's row starts in the file (line or row number), for messages. */
  line: number;
}

export interface ParsedPlan {
  year: number;
  province: string;
  title: string;
  /** The decision the plan was issued by, as printed (the number is often still blank). */
  decision: string | null;
  sections: PlanSectionText[];
  tasks: PlanTaskText[];
}
