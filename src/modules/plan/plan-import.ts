import type { EntityManager } from '@mikro-orm/postgresql';
import { planOfYear, unmatchedBodies } from './plan.queries';
import { type PlanImportResult, storePlan } from './plan.writer';
import { readPlanFile } from './plan-file';

export interface PlanImportReport extends PlanImportResult {
  sections: number;
  /** Named bodies of the stored plan that no synced agency matches (matching is redone when read). */
  unmatched: string[];
}

/** Reads, checks and stores a plan file; a PlanFileError leaves the database as it was. */
export async function importPlanFile(
  em: EntityManager,
  name: string,
  content: Buffer,
  given: { year?: number; province?: string } = {},
): Promise<PlanImportReport> {
  const parsed = await readPlanFile(name, content, given);
  const stored = await storePlan(em, parsed, name);
  const plan = await planOfYear(em.fork(), parsed.year);
  return { ...stored, sections: parsed.sections.length, unmatched: plan ? unmatchedBodies(plan) : [] };
}
