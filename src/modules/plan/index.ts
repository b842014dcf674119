/** The plan module's public surface. */
export { splitBodies } from './bodies';
export { parseDeadline } from './deadline';
export type * from './plan.model';
export { PLAN_DEADLINE_KINDS } from './plan.model';
export { planFileFormat, readPlanFile } from './plan-file';
export { PlanFileError } from './plan-file.error';
