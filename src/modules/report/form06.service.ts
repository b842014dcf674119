/** Form 06: runs the one statement of form06.sql.ts and shapes its rows. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../db/sql';
import { FIGURES, type Form06Query, form06Sql, UNKNOWN_KEY } from './form06.sql';
import type { DossierReport, DossierReportRow } from './form06.types';
import { form06MonthSql } from './form06-month.sql';

const LEVEL_LABELS: Record<string, string> = {
  MINISTRY: 'Cấp bộ (ministry)',
  PROVINCE: 'Cấp tỉnh (province)',
  DISTRICT: 'Cấp huyện (district)',
  COMMUNE: 'Cấp xã (commune)',
};
const UNKNOWN_LABEL = 'Không xác định (unknown)';

/** A share, 0–1 unrounded; null when the denominator is 0 (domain.md). */
export const share = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

function toRow(raw: Record<string, unknown>): DossierReportRow {
  const row = { key: String(raw.key), label: '' } as DossierReportRow;
  for (const f of FIGURES) row[f] = Number(raw[f]);
  const label = raw.label == null ? null : String(raw.label);
  row.label = label ?? (row.key === UNKNOWN_KEY ? UNKNOWN_LABEL : (LEVEL_LABELS[row.key] ?? row.key));
  row.onlineShare = share(row.newOnline, row.newOnline + row.newDirect + row.newPostal);
  row.onTimeShare = share(row.resolvedEarly + row.resolvedOnTime, row.resolved);
  return row;
}

/**
 * Where form 06 is counted from: `auto` takes the month rollup when it can answer exactly
 * (whole months, by agency or level), else the facts; `facts` always the facts (tests and
 * the bench compare the two).
 */
export type Form06Source = 'auto' | 'facts';

export async function dossierReport(
  em: EntityManager,
  q: Form06Query,
  source: Form06Source = 'auto',
): Promise<DossierReport> {
  const { sql, params } = (source === 'auto' ? form06MonthSql(q) : null) ?? form06Sql(q);
  const raw = await query(em, sql, params);
  const rows = raw.filter((r) => !r.is_total).map(toRow);
  const total = toRow(raw.find((r) => r.is_total) ?? { key: 'TOTAL', label: 'Tổng cộng' });
  return {
    from: q.period.from,
    to: q.period.to,
    rule: q.rule,
    groupBy: q.groupBy,
    rollUp: q.rollUp && q.groupBy === 'AGENCY',
    rows,
    total,
  };
}
