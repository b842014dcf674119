/** Every indicator the hub can compute, by the key the mapping names it with. */
import { oneStopCoverageFigure } from './coverage';
import { dossierSatisfaction, igateFirstDossier, onlineShare } from './dossiers';
import { feedbackPublished, feedbackSatisfaction } from './feedback';
import { portalsOpenFindings, processingTimeShorter, publicationLateFindings } from './findings';
import { nationalMissing, onlineServices, publicationOnTime } from './listings';
import { reportsFiled } from './reports';
import type { IndicatorCompute } from './types';

/** Not computed yet: the feedback report's on-time figure (issue 11) is not available to this module. */
const notAvailable =
  (why: string): IndicatorCompute =>
  async () => ({ value: null, numerator: null, denominator: null, detail: why });

export const INDICATORS: Record<string, IndicatorCompute> = {
  'publication.onTime': publicationOnTime,
  'publication.lateFindings': publicationLateFindings,
  'national.missing': nationalMissing,
  'portals.openFindings': portalsOpenFindings,
  'processingTime.shorter': processingTimeShorter,
  'feedback.onTime': notAvailable('the feedback report (on-time handling) is not available yet'),
  'feedback.published': feedbackPublished,
  'igate.firstDossier': igateFirstDossier,
  'online.services': onlineServices,
  'online.share': onlineShare,
  'oneStop.coverage': oneStopCoverageFigure,
  'reports.filed': reportsFiled,
  'satisfaction.dossiers': dossierSatisfaction,
  'satisfaction.feedback': feedbackSatisfaction,
};
