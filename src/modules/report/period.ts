/**
 * A report's period: `period` ("2020", "2020-Q2", "2020-06") or `from` and `to` (whole
 * local days, both inclusive). Exactly one of the two forms, else BAD_USER_INPUT.
 */
import { addDays, daysInMonth, isLocalDate } from '../../domain/time';
import { badInput } from '../../graph/errors';

export interface Period {
  from: string;
  to: string;
}

export interface PeriodInput {
  period?: string | null;
  from?: string | null;
  to?: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The whole days of a period name; null when the name is not one of the three forms. */
export function periodOfName(name: string): Period | null {
  const year = /^(\d{4})$/.exec(name);
  if (year) return { from: `${year[1]}-01-01`, to: `${year[1]}-12-31` };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(name);
  if (quarter) {
    const y = Number(quarter[1]);
    const first = (Number(quarter[2]) - 1) * 3 + 1;
    return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${pad(daysInMonth(y, first + 2))}` };
  }
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(name);
  if (month) {
    const y = Number(month[1]);
    const m = Number(month[2]);
    return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(daysInMonth(y, m))}` };
  }
  return null;
}

/** Resolves the period arguments; throws a BAD_USER_INPUT GraphQLError naming the argument. */
export function resolvePeriod(input: PeriodInput): Period {
  const hasPeriod = input.period != null;
  const hasRange = input.from != null || input.to != null;
  if (hasPeriod === hasRange) {
    throw badInput(
      'give either period ("2020", "2020-Q2", "2020-06") or from and to, not both or neither',
      'period',
    );
  }
  if (hasPeriod) {
    const p = periodOfName(String(input.period).trim());
    if (!p)
      throw badInput(
        `period "${input.period}" is not a year (2020), a quarter (2020-Q2) or a month (2020-06)`,
        'period',
      );
    return p;
  }
  if (input.from == null || input.to == null) {
    throw badInput('from and to go together: give both days', input.from == null ? 'from' : 'to');
  }
  if (!isLocalDate(input.from)) throw badInput('from must be a day, YYYY-MM-DD', 'from');
  if (!isLocalDate(input.to)) throw badInput('to must be a day, YYYY-MM-DD', 'to');
  if (input.to < input.from) throw badInput(`to (${input.to}) is before from (${input.from})`, 'to');
  return { from: input.from, to: input.to };
}

/** The first local day after the period: its end instant is the start of this day. */
export const dayAfter = (p: Period) => addDays(p.to, 1);
