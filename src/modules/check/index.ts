/**
 * The check module's public surface: other modules, the sync layer, the graph and the
 * commands import from here only.
 */

export type { FindingFilter } from './check.args';
export { FindingResolver } from './check.resolver';
export { CheckOverlapError, type CheckRunOptions, type CheckRunSummary, runChecks } from './check.runner';
export { CheckService, checkEvents } from './check.service';
export {
  abandonDeadChecks,
  claimQueuedCheck,
  enqueueCheckRun,
  queuedCheckRuns,
  requeueCheck,
} from './check-queue';
export {
  AgencyFindingsResolver,
  ListingFindingsResolver,
  ProcedureFindingsResolver,
} from './check-relations.resolver';
export type { ExportFinding } from './export/columns';
export { findingsForExport } from './export/filtered-findings';
export { findingsCsv } from './export/findings-csv';
export { findingsXlsx } from './export/findings-xlsx';
export { openFindingsForExport } from './export/open-findings';
export { FindingStatusError } from './finding-status';
export { type OpenFindingsQuery, openFindingCounts, openFindings } from './open-findings';
export { ListingHistoryResolver, NationalHistoryResolver } from './record-history.resolver';
