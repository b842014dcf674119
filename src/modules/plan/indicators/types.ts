import type { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '../../../domain/model';
import type { StoredPlanTask } from '../plan.queries';

export interface IndicatorInput {
  em: EntityManager;
  /** Whole local days, both inclusive. */
  from: LocalDate;
  to: LocalDate;
  /** The agency asked for; null: the whole province. */
  agency: string | null;
  /** It and the agencies under it; null: the whole province. */
  scope: string[] | null;
  task: StoredPlanTask;
  /** The day statuses are judged on: the period's end, or today while the period runs. */
  asOf: LocalDate;
  /** Today, local: what "a closed quarter" means. */
  today: LocalDate;
  /** One computation per key and request (several indicators read the same service index). */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

/** One part of a figure (a quarter, a finding kind, an agency). */
export interface FigurePart {
  label: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** What an indicator computes; value null means the data says nothing (NOT_MEASURABLE). */
export interface Figure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** A day the figure is about (task 11: the first dossier's day). */
  date?: LocalDate | null;
  /** One readable line on what the figure is made of (names, kinds). */
  detail?: string | null;
  parts?: FigurePart[];
}

export type IndicatorCompute = (input: IndicatorInput) => Promise<Figure>;

export const ratio = (numerator: number, denominator: number): Figure => ({
  value: denominator === 0 ? null : numerator / denominator,
  numerator,
  denominator,
});
