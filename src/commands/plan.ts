/** `hub plan import FILE` and `hub plan report --year Y … --format F --out FILE`. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { HubConfig } from '../config';
import { openDatabase } from '../db/database';
import { localDateOf } from '../domain/local-date';
import type { Logger } from '../log';
import {
  importPlanFile,
  loadIndicatorMapping,
  PlanFileError,
  planOfYear,
  planProgress,
  planReport,
  planReportCsv,
  planReportXlsx,
} from '../modules/plan';

const USAGE = `usage: hub plan import FILE [--year YYYY] [--province NAME]
         hub plan report --year YYYY [--period P] [--agency CODE] --format xlsx|csv|json --out FILE
  FILE: the plan's table as tab-separated text (as published), .csv or .xlsx
  --year, --province: when the file has no title naming them (a bare table)
  --period: 2020, 2020-Q2 or 2020-06 (default: the plan's year)
`;

/** Exit codes: 0 stored or unchanged, 1 the file was refused or unreadable, 2 usage. */
export async function planCommand(config: HubConfig, log: Logger, args: string[]): Promise<number> {
  const [what, ...rest] = args;
  if (what === 'report') return reportCommand(config, log, rest);
  if (what !== 'import') {
    process.stderr.write(`hub plan: unknown subcommand ${JSON.stringify(what ?? '')}\n${USAGE}`);
    return 2;
  }
  return importCommand(config, log, rest);
}

/** The import's file, year and province, or the exit code when the usage is wrong. */
function importArgs(args: string[]): { file: string; year?: number; province?: string } | number {
  const { values, positionals } = parseArgs({
    args,
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
  return { file, year, province: values.province };
}

/** The plan file's bytes, or null (said on stderr) when it cannot be read. */
async function readPlanFile(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (e) {
    process.stderr.write(`hub plan import: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? e}\n`);
    return null;
  }
}

async function importCommand(config: HubConfig, log: Logger, rest: string[]): Promise<number> {
  const parsed = importArgs(rest);
  if (typeof parsed === 'number') return parsed;
  const { file, year, province } = parsed;
  const content = await readPlanFile(file);
  if (!content) return 1;
  const name = path.basename(file);
  const db = await openDatabase(config, log, { migrate: true });
  try {
    const report = await importPlanFile(db.orm.em.fork(), name, content, { year, province });
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

const FORMATS = ['xlsx', 'csv', 'json'] as const;

/** Exit codes: 0 written, 1 no plan for the year or a bad period or agency, 2 usage. */
async function reportCommand(config: HubConfig, log: Logger, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      year: { type: 'string' },
      period: { type: 'string' },
      agency: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const year = Number(values.year);
  const format = FORMATS.find((f) => f === values.format);
  if (!Number.isInteger(year) || !format || !values.out) {
    process.stderr.write(`hub plan report: give --year, --format (xlsx, csv or json) and --out\n${USAGE}`);
    return 2;
  }
  const mapping = loadIndicatorMapping(config.planIndicatorsFile);
  const db = await openDatabase(config, log, { migrate: true });
  try {
    const em = db.orm.em.fork();
    const request = { year, period: values.period ?? null, agency: values.agency ?? null, mapping };
    const progress = await planProgress(em, { ...request, today: localDateOf(new Date()) });
    const plan = (await planOfYear(em, year))!;
    const report = planReport(plan, progress);
    const content =
      format === 'xlsx'
        ? await planReportXlsx(report)
        : format === 'csv'
          ? planReportCsv(report)
          : Buffer.from(
              `${JSON.stringify({ plan: { year, title: plan.title, version: plan.version }, progress }, null, 2)}\n`,
            );
    await writeFile(values.out, content);
    process.stdout.write(
      `plan ${plan.province} ${year}: ${progress.tasks.length} tasks written to ${values.out}\n`,
    );
    return 0;
  } catch (e) {
    const code = (e as { extensions?: { code?: string } }).extensions?.code;
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') {
      process.stderr.write(`hub plan report: ${(e as Error).message}\n`);
      return 1;
    }
    throw e;
  } finally {
    await db.close();
  }
}
