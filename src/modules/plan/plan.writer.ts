import type { EntityManager } from '@mikro-orm/postgresql';
import { Plan } from './plan.entity';
import type { ParsedPlan } from './plan.model';
import { planContentHash } from './plan-content';
import { PlanTask } from './plan-task.entity';

export interface PlanImportResult {
  /** CREATED: a new version was stored; UNCHANGED: the latest version already says this. */
  outcome: 'CREATED' | 'UNCHANGED';
  planId: number;
  province: string;
  year: number;
  version: number;
  tasks: number;
}

/**
 * Stores a parsed plan as a new version of its province and year, unless the latest
 * version has the same content. One transaction: a plan is stored whole or not at all.
 * Imports of the same province and year take turns (an advisory lock), so two at once
 * cannot both claim the next version number.
 */
export async function storePlan(
  em: EntityManager,
  plan: ParsedPlan,
  sourceName: string,
): Promise<PlanImportResult> {
  const contentHash = planContentHash(plan);
  return em.fork().transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(hashtext(?), ?)', [plan.province, plan.year]);
    const latest = await tx.findOne(
      Plan,
      { province: plan.province, year: plan.year },
      { orderBy: { version: 'desc' } },
    );
    const result = { province: plan.province, year: plan.year, tasks: plan.tasks.length };
    if (latest?.contentHash === contentHash) {
      return { ...result, outcome: 'UNCHANGED', planId: latest.id, version: latest.version };
    }
    const row = Object.assign(new Plan(), {
      province: plan.province,
      year: plan.year,
      version: (latest?.version ?? 0) + 1,
      title: plan.title,
      decision: plan.decision,
      sections: plan.sections,
      contentHash,
      sourceName,
    });
    await tx.persist(row).flush();
    for (const t of plan.tasks) {
      tx.create(PlanTask, {
        planId: row.id,
        number: t.number,
        section: t.section,
        content: t.content,
        leadsText: t.leadsText,
        partnersText: t.partnersText,
        leads: t.leads,
        partners: t.partners,
        expectedResult: t.expectedResult,
        deadlineText: t.deadlineText,
        deadlineKind: t.deadline.kind,
        deadlineFrom: t.deadline.from,
        deadlineTo: t.deadline.to,
        deadlineWorkingDays: t.deadline.workingDays,
      });
    }
    await tx.flush();
    return { ...result, outcome: 'CREATED', planId: row.id, version: row.version };
  });
}
