/** `hub plan import FILE` (and, with indicators, `hub plan report`). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { HubConfig } from '../config';
import { openDatabase } from '../db/database';
import type { Logger } from '../log';
import { importPlanFile, PlanFileError } from '../modules/plan';

const USAGE = `usage: hub plan import FILE [--year YYYY] [--province NAME]
  FILE: the plan's table as tab-separated text (as published), .csv or .xlsx
  --year, --province: when the file has no title naming them (a bare table)
`;

/** Exit codes: 0 stored or unchanged, 1 the file was refused or unreadable, 2 usage. */
export async function planCommand(config: HubConfig, log: Logger, args: string[]): Promise<number> {
  const [what, ...rest] = args;
  if (what !== 'import') {
    process.stderr.write(`hub plan: unknown subcommand ${JSON.stringify(what ?? '')}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    options: { year: { type: 'string' }, province: { type: 'string' } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    process.stderr.write(`hub plan import: name one plan file\n${USAGE}`);
    return 2;
  }
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2199)) {
    process.stderr.write(`hub plan import: --year must be a year such as 2020 (got ${values.year})\n`);
    return 2;
  }
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (e) {
    process.stderr.write(`hub plan import: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? e}\n`);
    return 1;
  }
  const name = path.basename(file);
  const db = await openDatabase(config, log, { migrate: true });
  try {
    const report = await importPlanFile(db.orm.em.fork(), name, content, {
      year,
      province: values.province,
    });
    const what =
      report.outcome === 'CREATED'
        ? `stored as version ${report.version}`
        : `unchanged (version ${report.version} already says this)`;
    process.stdout.write(
      `plan ${report.province} ${report.year}: ${what}; ${report.tasks} tasks in ${report.sections} sections\n`,
    );
    if (report.unmatched.length) {
      process.stdout.write(
        `bodies no agency matches (kept as text):\n${report.unmatched.map((n) => `  ${n}\n`).join('')}`,
      );
    }
    return 0;
  } catch (e) {
    if (e instanceof PlanFileError) {
      process.stderr.write(`hub plan import: ${name} refused, nothing stored: ${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    await db.close();
  }
}
