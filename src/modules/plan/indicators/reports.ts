/**
 * Task 17, reports filed: form 06 can be filed for a closed quarter once every source
 * has been read completely after it ended (a SUCCEEDED sync run that finished after the
 * quarter's last day). Quarters still running are not judged.
 */
import { query } from '../../../db/sql';
import { SOURCES } from '../../../domain/model';
import { quartersOf } from './quarters';
import { localDay } from './sql';
import type { Figure, IndicatorInput } from './types';

export async function reportsFiled(input: IndicatorInput): Promise<Figure> {
  const closed = quartersOf(input.from, input.to).filter((q) => q.to < input.today);
  if (closed.length === 0)
    return { value: null, numerator: null, denominator: null, detail: 'no quarter has closed' };
  const rows = await query<{ source: string; last_day: string | null }>(
    input.em,
    `select source, max(${localDay('finished_at')})::text as last_day from sync_run
      where status = 'SUCCEEDED' and finished_at is not null group by source`,
  );
  const lastSynced = new Map(rows.map((r) => [r.source, r.last_day]));
  const parts = closed.map((q) => {
    const covered = SOURCES.every((s) => (lastSynced.get(s) ?? '') > q.to);
    return { label: q.label, value: covered ? 1 : 0, numerator: covered ? 1 : 0, denominator: 1 };
  });
  const filed = parts.filter((p) => p.value === 1).length;
  return {
    value: filed / closed.length,
    numerator: filed,
    denominator: closed.length,
    parts,
    detail: parts.map((p) => `${p.label} ${p.value ? 'ready' : 'missing a complete sync'}`).join(', '),
  };
}
