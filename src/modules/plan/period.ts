import { daysInMonth, pad2 } from '../../domain/local-date';
import type { LocalDate } from '../../domain/model';

/**
 * A period name as the reports take it: `2020`, `2020-Q2` or `2020-06`, as whole local
 * days; null when the name is none of them.
 */
export function periodDays(name: string): { from: LocalDate; to: LocalDate } | null {
  const m = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(name.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const [first, last] = m[2]
    ? [Number(m[2]) * 3 - 2, Number(m[2]) * 3]
    : m[3]
      ? [Number(m[3]), Number(m[3])]
      : [1, 12];
  return { from: `${year}-${pad2(first)}-01`, to: `${year}-${pad2(last)}-${pad2(daysInMonth(year, last))}` };
}
