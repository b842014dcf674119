/**
 * The report module's public surface: the graph's resolvers, and a small service API for
 * other modules (the plan reads form 06 totals, the service index and feedback figures).
 */

export { agencyTitle } from './export/agency-title';
export { form06Csv } from './export/form06-csv';
export { form06Xlsx } from './export/form06-xlsx';
export { feedbackReport } from './feedback-report.service';
export type { FeedbackReport, FeedbackReportRow } from './feedback-report.types';
export { dossierReport } from './form06.service';
export type { Form06Filter, Form06Query } from './form06.sql';
export type { DossierReport, DossierReportRow } from './form06.types';
export { type Period, periodOfName, resolvePeriod } from './period';
export { feedbackTotals, form06Totals, type ReportScope, serviceIndexOf } from './plan-api';
export { ReportGrouping, TimelinessRule } from './report.enums';
export {
  DossierReportResolver,
  DossierTimelinessResolver,
  IndexAndFeedbackResolver,
} from './report.resolver';
export { serviceIndex } from './service-index.service';
export type { ServiceIndex, ServiceIndexFigure } from './service-index.types';
