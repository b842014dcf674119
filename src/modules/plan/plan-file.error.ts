import { HubError } from '../../domain/errors';

/**
 * A plan file the importer cannot read. `line` is the line (text, CSV) or row (xlsx) the
 * problem was found on, 1-based; `expected` says what should have been there. Nothing is
 * stored when this is thrown.
 */
export class PlanFileError extends HubError {
  readonly line: number | null;
  readonly expected: string;

  constructor(line: number | null, expected: string, found?: string) {
    const where = line === null ? 'plan file' : `line ${line}`;
    super(
      'plan_file_invalid',
      `${where}: expected ${expected}${found === undefined ? '' : `, found ${quote(found)}`}`,
      {
        graphCode: 'BAD_USER_INPUT',
      },
    );
    this.line = line;
    this.expected = expected;
  }
}

function quote(s: string): string {
  const short = s.length > 60 ? `${s.slice(0, 60)}…` : s;
  return JSON.stringify(short);
}
