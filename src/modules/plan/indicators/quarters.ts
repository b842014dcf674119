import { daysInMonth, pad2 } from '../../../domain/local-date';
import type { LocalDate } from '../../../domain/model';

export interface Quarter {
  label: string;
  from: LocalDate;
  to: LocalDate;
}

/** The calendar quarters [from, to] touches, each cut to the period (`2020-Q1`). */
export function quartersOf(from: LocalDate, to: LocalDate): Quarter[] {
  const quarters: Quarter[] = [];
  let year = Number(from.slice(0, 4));
  let q = Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1;
  for (;;) {
    const first = `${year}-${pad2(q * 3 - 2)}-01`;
    if (first > to) break;
    const last = `${year}-${pad2(q * 3)}-${pad2(daysInMonth(year, q * 3))}`;
    quarters.push({ label: `${year}-Q${q}`, from: first < from ? from : first, to: last > to ? to : last });
    q = q === 4 ? 1 : q + 1;
    if (q === 1) year++;
  }
  return quarters;
}
