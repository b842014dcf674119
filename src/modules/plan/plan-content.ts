import { createHash } from 'node:crypto';
import type { ParsedPlan } from './plan.model';

/**
 * The identity of a plan's content: what it says, not how the file was laid out. Line
 * numbers and the file's form are left out, so the same table saved as text or CSV is
 * the same plan and its re-import changes nothing.
 */
export function planContentHash(plan: ParsedPlan): string {
  const content = {
    province: plan.province,
    year: plan.year,
    title: plan.title,
    decision: plan.decision,
    sections: plan.sections.map((s) => [s.number, s.title]),
    tasks: plan.tasks.map((t) => [
      t.number,
      t.section,
      t.content,
      t.leadsText,
      t.partnersText,
      t.expectedResult,
      t.deadlineText,
    ]),
  };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
