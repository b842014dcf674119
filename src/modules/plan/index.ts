/** The plan module's public surface. */
export { splitBodies } from './bodies';
export { type AgencyRef, bodyMatcher, type MatchedBody, nameKey } from './body-match';
export { parseDeadline } from './deadline';
export { planReportCsv, planReportXlsx } from './export/formats';
export { indicatorText, type PlanReport, planReport, STATUS_VI } from './export/rows';
export { type AgencyCoverage, oneStopCoverage } from './indicators/coverage';
export { IndicatorMappingError, loadIndicatorMapping } from './indicators/mapping';
export { Plan } from './plan.entity';
export type * from './plan.model';
export { PLAN_DEADLINE_KINDS } from './plan.model';
export {
  listPlans,
  planOfYear,
  planVersions,
  type StoredPlan,
  type StoredPlanTask,
  unmatchedBodies,
} from './plan.queries';
export { PlanBodyResolver, PlanResolver } from './plan.resolver';
export { type PlanImportResult, storePlan } from './plan.writer';
export { planFileFormat, readPlanFile } from './plan-file';
export { PlanFileError } from './plan-file.error';
export { importPlanFile, type PlanImportReport } from './plan-import';
export { PlanTask } from './plan-task.entity';
export { AgencyCoverageResolver, PlanProgressResolver } from './progress.resolver';
export { planProgress } from './progress.service';
