/** Every indicator the hub can compute, by the key the mapping names it with. */
import { oneStopCoverageFigure } from './coverage';
import { igateFirstDossier } from './dossiers';
import { portalsOpenFindings, processingTimeShorter, publicationLateFindings } from './findings';
import { nationalMissing, onlineServices, publicationOnTime } from './listings';
import {
  dossierSatisfaction,
  feedbackOnTime,
  feedbackPublished,
  feedbackSatisfaction,
  onlineShare,
} from './report-figures';
import { reportsFiled } from './reports';
import type { IndicatorCompute } from './types';

export const INDICATORS: Record<string, IndicatorCompute> = {
  'publication.onTime': publicationOnTime,
  'publication.lateFindings': publicationLateFindings,
  'national.missing': nationalMissing,
  'portals.openFindings': portalsOpenFindings,
  'processingTime.shorter': processingTimeShorter,
  'feedback.onTime': feedbackOnTime,
  'feedback.published': feedbackPublished,
  'igate.firstDossier': igateFirstDossier,
  'online.services': onlineServices,
  'online.share': onlineShare,
  'oneStop.coverage': oneStopCoverageFigure,
  'reports.filed': reportsFiled,
  'satisfaction.dossiers': dossierSatisfaction,
  'satisfaction.feedback': feedbackSatisfaction,
};
