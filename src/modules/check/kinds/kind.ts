import type { FindingKind } from '../../../domain/finding';

/** What a kind's SQL may read besides the tables. */
export interface KindContext {
  /** The run's instant: MISSING_IN_PROVINCE compares its local day with the deadline. */
  asOf: Date;
}

/** One finding kind: a SELECT of SEEN_COLUMNS (kinds/sql.ts), with `?` parameters. */
export interface KindCheck {
  kind: FindingKind;
  sql: string;
  params(ctx: KindContext): unknown[];
}

export const noParams = (): unknown[] => [];
