/** Form 06 as CSV: one line per row and the total, every figure of the graph; shares as percentages. */
import { stringify } from 'csv-stringify/sync';
import { FIGURES } from '../form06.sql';
import type { DossierReport } from '../form06.types';
import { percent } from './form06-columns';

export function form06Csv(report: DossierReport): string {
  const header = ['key', 'label', ...FIGURES, 'onlineSharePercent', 'onTimeSharePercent'];
  const lines = [...report.rows, report.total].map((r) => [
    r.key,
    r.label,
    ...FIGURES.map((f) => r[f]),
    percent(r.onlineShare),
    percent(r.onTimeShare),
  ]);
  return stringify([header, ...lines]);
}
