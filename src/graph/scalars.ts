import { GraphQLScalarType, Kind } from 'graphql';
import { isLocalDate, localDateOf } from '../domain/time';

const OFFSET_MS = 7 * 3_600_000;

/** One Date reused for the shift: a list of dossiers formats thousands of instants. */
const shifted = new Date(0);

/** An instant, shown in the province's local time with its offset: `2020-03-05T08:12:00.000+07:00`. */
export function toLocalIso(date: Date): string {
  shifted.setTime(date.getTime() + OFFSET_MS);
  return `${shifted.toISOString().slice(0, 23)}+07:00`;
}

function parseDateTime(value: unknown): Date {
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)
  ) {
    throw new TypeError(
      `DateTime must be an ISO 8601 string with an offset, such as 2020-03-05T08:12:00+07:00`,
    );
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new TypeError(`DateTime "${value}" is not a real instant`);
  return d;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant as ISO 8601 with offset; the hub answers in Asia/Ho_Chi_Minh time (+07:00).',
  serialize: (v) => {
    const d = v instanceof Date ? v : new Date(String(v));
    if (Number.isNaN(d.getTime())) throw new TypeError('DateTime cannot represent an invalid date');
    return toLocalIso(d);
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('DateTime must be a string');
    return parseDateTime(ast.value);
  },
});

function parseLocalDate(value: unknown): string {
  if (typeof value !== 'string' || !isLocalDate(value)) {
    throw new TypeError(`LocalDate must be a calendar day YYYY-MM-DD, such as 2020-06-30`);
  }
  return value;
}

export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar day in Asia/Ho_Chi_Minh, YYYY-MM-DD.',
  serialize: (v) => (v instanceof Date ? localDateOf(v) : parseLocalDate(v)),
  parseValue: parseLocalDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('LocalDate must be a string');
    return parseLocalDate(ast.value);
  },
});
