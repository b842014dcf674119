/**
 * Date-range filters that take either a calendar day or an instant, so a report can ask
 * `{ from: "2020-01-01", to: "2020-03-31" }` (whole local days) and an integration can
 * ask `{ from: "2020-03-05T08:00:00+07:00" }`.
 */
import { GraphQLScalarType, Kind } from 'graphql';
import { Field, InputType } from 'type-graphql';
import { addDays, isLocalDate, startOfLocalDay } from '../domain/time';
import { badInput } from './errors';
import { DateTimeScalar } from './scalars';

export type DateBound = { day: string } | { at: Date };

export const LocalDateOrDateTimeScalar = new GraphQLScalarType<DateBound, string>({
  name: 'LocalDateOrDateTime',
  description:
    'A calendar day in Asia/Ho_Chi_Minh (2020-06-30: the whole day) or an instant (ISO 8601 with offset).',
  serialize: () => {
    throw new TypeError('LocalDateOrDateTime is an input type');
  },
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('LocalDateOrDateTime must be a string');
    return parse(ast.value);
  },
});

function parse(value: unknown): DateBound {
  if (typeof value === 'string' && isLocalDate(value)) return { day: value };
  try {
    return { at: DateTimeScalar.parseValue(value) as Date };
  } catch {
    throw new TypeError('expected a calendar day (2020-06-30) or an ISO 8601 instant with offset');
  }
}

@InputType({ description: 'Both ends inclusive; a day as `to` includes the whole day.' })
export class DateRange {
  @Field(() => LocalDateOrDateTimeScalar, { nullable: true }) from?: DateBound | null;
  @Field(() => LocalDateOrDateTimeScalar, { nullable: true }) to?: DateBound | null;
}

/**
 * SQL for `column` within the range: `>= from` and `< the end` (the day after a `to` day).
 * A range that ends before it starts is BAD_USER_INPUT (`argument` names it), not an
 * empty answer that looks like "no data".
 */
/** A bound's first instant: a day's local midnight, or the instant itself. */
const startOf = (bound: DateBound): Date => ('day' in bound ? startOfLocalDay(bound.day) : bound.at);

export function rangeSql(
  column: string,
  range: DateRange | null | undefined,
  argument = 'range',
): { sql: string[]; params: unknown[] } {
  const out = { sql: [] as string[], params: [] as unknown[] };
  const from = range?.from ? startOf(range.from) : null;
  if (from) {
    out.sql.push(`${column} >= ?`);
    out.params.push(from);
  }
  if (range?.to) {
    const dayEnd = 'day' in range.to ? startOfLocalDay(addDays(range.to.day, 1)) : null;
    const end = dayEnd ?? (range.to as { at: Date }).at;
    if (from && (dayEnd ? from >= dayEnd : from > end)) {
      throw badInput(`${argument}: from is after to; give the earlier bound as from`, argument);
    }
    out.sql.push(dayEnd ? `${column} < ?` : `${column} <= ?`);
    out.params.push(end);
  }
  return out;
}
