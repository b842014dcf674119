/**
 * Indicators that are figures of the report module (issue 11): the service index and the
 * feedback report, read through its public surface so the plan says exactly what the
 * reports say for the same period and agency.
 */
import { type FeedbackReportRow, feedbackReport, type ServiceIndex, serviceIndex } from '../../report';
import { quartersOf } from './quarters';
import { type Figure, type IndicatorInput, ratio } from './types';

type IndexKey = 'FEEDBACK_ON_TIME' | 'FEEDBACK_SATISFACTION' | 'DOSSIER_SATISFACTION' | 'ONLINE_SHARE';

function indexOf(input: IndicatorInput, from: string, to: string): Promise<ServiceIndex> {
  return input.memo(`serviceIndex:${from}:${to}:${input.agency ?? ''}`, () =>
    serviceIndex(input.em, { from, to }, input.agency),
  );
}

async function indexFigure(
  input: IndicatorInput,
  key: IndexKey,
  from = input.from,
  to = input.to,
): Promise<Figure> {
  const f = (await indexOf(input, from, to)).figures.find((x) => x.key === key);
  return f
    ? { value: f.ratio, numerator: f.numerator, denominator: f.denominator }
    : { value: null, numerator: null, denominator: null };
}

/** Task 9: feedback closed on time / feedback closed in the period. */
export const feedbackOnTime = (input: IndicatorInput) => indexFigure(input, 'FEEDBACK_ON_TIME');
/** Task 20: likes / (likes + dislikes) on feedback answered in the period. */
export const feedbackSatisfaction = (input: IndicatorInput) => indexFigure(input, 'FEEDBACK_SATISFACTION');
/** Task 20: ratings 1–2 / ratings on dossiers completed in the period. */
export const dossierSatisfaction = (input: IndicatorInput) => indexFigure(input, 'DOSSIER_SATISFACTION');

/** Task 13: new online dossiers / new dossiers, for the period and for each of its quarters. */
export async function onlineShare(input: IndicatorInput): Promise<Figure> {
  const whole = await indexFigure(input, 'ONLINE_SHARE');
  const parts = [];
  for (const q of quartersOf(input.from, input.to)) {
    parts.push({ label: q.label, ...(await indexFigure(input, 'ONLINE_SHARE', q.from, q.to)) });
  }
  return { ...whole, parts };
}

/** Task 9: answers published in the period / feedback answered in the period, from the feedback report. */
export async function feedbackPublished(input: IndicatorInput): Promise<Figure> {
  const report = await feedbackReport(input.em, { from: input.from, to: input.to }, 'AGENCY');
  const rows: FeedbackReportRow[] = input.scope
    ? report.rows.filter((r) => input.scope!.includes(r.key))
    : [report.total];
  const published = rows.reduce((n, r) => n + r.answersPublished, 0);
  const answered = rows.reduce((n, r) => n + r.answeredOnTime + r.answeredLate, 0);
  return ratio(published, answered);
}
