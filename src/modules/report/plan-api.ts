/**
 * The figures other modules (the plan) read, for a period and optionally one agency's
 * subtree: form 06's total row, the service index and the feedback totals.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { feedbackReport } from './feedback-report.service';
import type { FeedbackReportRow } from './feedback-report.types';
import { dossierReport } from './form06.service';
import type { DossierReportRow } from './form06.types';
import type { Period } from './period';
import type { TimelinessRule } from './report.enums';
import { serviceIndex } from './service-index.service';
import type { ServiceIndex } from './service-index.types';

export interface ReportScope {
  period: Period;
  /** An agency code: it and its subtree. Null: the whole province. */
  agency: string | null;
}

/** Form 06's total row (each dossier once) for the scope. */
export async function form06Totals(
  em: EntityManager,
  scope: ReportScope,
  rule: TimelinessRule = 'PROVINCIAL',
): Promise<DossierReportRow> {
  const report = await dossierReport(em, {
    period: scope.period,
    groupBy: 'AGENCY',
    rule,
    rollUp: false,
    filter: scope.agency ? { agency: [scope.agency] } : null,
  });
  return report.total;
}

export function serviceIndexOf(em: EntityManager, scope: ReportScope): Promise<ServiceIndex> {
  return serviceIndex(em, scope.period, scope.agency);
}

/** The feedback figures' total row for the scope. */
export async function feedbackTotals(em: EntityManager, scope: ReportScope): Promise<FeedbackReportRow> {
  return (await feedbackReport(em, scope.period, 'AGENCY', scope.agency)).total;
}
