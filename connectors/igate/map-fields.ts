import { parseIgateDateTime } from '../../src/domain/time';
import { RecordProblem, textOrNull } from '../kit/record-fields';

/** Shared field readers of the iGate mappers (upstream-apis.md §2). */

export { RecordProblem, textOrNull };

export type MapResult<T> = { ok: true; record: T } | { ok: false; field: string; reason: string };

/** Runs a builder that throws RecordProblem into a MapResult. */
export function mapWith<T>(build: () => T): MapResult<T> {
  try {
    return { ok: true, record: build() };
  } catch (error) {
    if (error instanceof RecordProblem) return { ok: false, field: error.field, reason: error.message };
    throw error;
  }
}

export function requiredText(value: string | null | undefined, field: string): string {
  const text = textOrNull(value);
  if (text === null) throw new RecordProblem(field, 'empty');
  return text;
}

/** A `+0700` instant that must be there; unparseable or missing rejects the record. */
export function requiredDate(value: string | null | undefined, field: string): Date {
  const date = optionalDate(value, field);
  if (date === null) throw new RecordProblem(field, 'missing date');
  return date;
}

/** A `+0700` instant or null; present but unparseable rejects the record (bad input, §"Bad input"). */
export function optionalDate(value: string | null | undefined, field: string): Date | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  try {
    return parseIgateDateTime(value.trim());
  } catch (error) {
    throw new RecordProblem(field, (error as Error).message);
  }
}

/**
 * §2: `nationCode` may be null; then the national code is the first two dot-separated
 * groups of the listing's own code (`2.000477.000.00.00.H21` → `2.000477`).
 */
export function nationalCodeOf(
  nationCode: string | null | undefined,
  code: string,
  field: string,
): { nationalCode: string; inferred: boolean } {
  const given = textOrNull(nationCode);
  if (given !== null) return { nationalCode: given, inferred: false };
  const groups = code.split('.');
  if (groups.length < 2 || !groups[0] || !groups[1]) {
    throw new RecordProblem(field, `no nationCode, and ${JSON.stringify(code)} has no two leading groups`);
  }
  return { nationalCode: `${groups[0]}.${groups[1]}`, inferred: true };
}

/** An enum id that must be in the table: an unknown id rejects the record. */
export function fromTable<V>(table: Record<number, V>, id: number, field: string, what: string): V {
  const value = table[id];
  if (value === undefined) throw new RecordProblem(field, `unknown ${what} ${id}`);
  return value;
}
