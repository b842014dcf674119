/**
 * The check module's public surface: other modules, the sync layer, the graph and the
 * commands import from here only.
 */
export { CheckOverlapError, type CheckRunOptions, type CheckRunSummary, runChecks } from './check.runner';
