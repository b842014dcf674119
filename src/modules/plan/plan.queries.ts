import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency } from '../agency';
import { type AgencyRef, bodyMatcher, type MatchedBody, unmatchedNames } from './body-match';
import { Plan } from './plan.entity';
import type { PlanDeadline, PlanSectionText } from './plan.model';
import { PlanTask } from './plan-task.entity';

export interface StoredPlanTask {
  number: number;
  section: string;
  content: string;
  leadsText: string;
  partnersText: string;
  leads: MatchedBody[];
  partners: MatchedBody[];
  expectedResult: string;
  deadlineText: string;
  deadline: PlanDeadline;
}

export interface StoredPlan {
  id: number;
  province: string;
  year: number;
  version: number;
  title: string;
  decision: string | null;
  sourceName: string;
  importedAt: Date;
  sections: PlanSectionText[];
  tasks: StoredPlanTask[];
}

/** The latest version of every province's plan of every year, newest year first. */
export async function listPlans(em: EntityManager): Promise<StoredPlan[]> {
  const rows = await em.find(Plan, {}, { orderBy: { year: 'desc', province: 'asc', version: 'desc' } });
  const latest = rows.filter(
    (p, i) => i === 0 || rows[i - 1]!.year !== p.year || rows[i - 1]!.province !== p.province,
  );
  return withTasks(em, latest);
}

/**
 * The current plan of a year: its latest version. A hub serves one province, so a year
 * has one plan; should plans of several provinces be stored, the most recently imported
 * one answers.
 */
export async function planOfYear(em: EntityManager, year: number): Promise<StoredPlan | null> {
  const rows = await em.find(Plan, { year }, { orderBy: { createdAt: 'desc', version: 'desc' }, limit: 1 });
  return (await withTasks(em, rows))[0] ?? null;
}

/** Every version of a province's plan of a year, oldest first (for the import's report and audits). */
export async function planVersions(em: EntityManager, province: string, year: number): Promise<Plan[]> {
  return em.find(Plan, { province, year }, { orderBy: { version: 'asc' } });
}

async function withTasks(em: EntityManager, plans: Plan[]): Promise<StoredPlan[]> {
  if (plans.length === 0) return [];
  const [tasks, agencies] = await Promise.all([
    em.find(
      PlanTask,
      { planId: { $in: plans.map((p) => p.id) } },
      { orderBy: { planId: 'asc', number: 'asc' } },
    ),
    em.find(Agency, { deletedAt: null }),
  ]);
  const refs: AgencyRef[] = agencies.map((a) => ({
    code: a.code,
    name: a.name,
    level: a.level ?? null,
    parentCode: a.parentCode ?? null,
  }));
  return plans.map((p) => {
    const match = bodyMatcher(refs, p.province);
    return {
      id: p.id,
      province: p.province,
      year: p.year,
      version: p.version,
      title: p.title,
      decision: p.decision ?? null,
      sourceName: p.sourceName,
      importedAt: p.createdAt,
      sections: p.sections,
      tasks: tasks
        .filter((t) => t.planId === p.id)
        .map((t) => ({
          number: t.number,
          section: t.section,
          content: t.content,
          leadsText: t.leadsText,
          partnersText: t.partnersText,
          leads: t.leads.map(match),
          partners: t.partners.map(match),
          expectedResult: t.expectedResult,
          deadlineText: t.deadlineText,
          deadline: {
            kind: t.deadlineKind,
            from: t.deadlineFrom ?? null,
            to: t.deadlineTo ?? null,
            workingDays: t.deadlineWorkingDays ?? null,
          },
        })),
    };
  });
}

/** The plan's named bodies that no agency matched. */
export function unmatchedBodies(plan: StoredPlan): string[] {
  return unmatchedNames(plan.tasks.flatMap((t) => [...t.leads, ...t.partners]));
}
