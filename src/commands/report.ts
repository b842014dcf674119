/**
 * `hub report dossiers (--period P | --from D --to D) [--by agency|sector|level|procedure]
 * [--rule provincial|national] [--roll-up] [--agency CODE …] [--format json|csv|xlsx] [--out FILE]`:
 * form 06, read from DATABASE_READ_URL when it is set. JSON and CSV go to stdout without --out.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { HubConfig } from '../config';
import { openDatabase } from '../db/database';
import type { Logger } from '../log';
import {
  agencyTitle,
  type DossierReport,
  dossierReport,
  form06Csv,
  form06Xlsx,
  type ReportGrouping,
  resolvePeriod,
  type TimelinessRule,
} from '../modules/report';

const GROUPINGS = ['agency', 'sector', 'level', 'procedure'];
const RULES = ['provincial', 'national'];
const FORMATS = ['json', 'csv', 'xlsx'];

function fail(message: string): number {
  process.stderr.write(`hub report: ${message}\n`);
  return 2;
}

/** The report's period from --period or --from/--to, or the usage exit code (said on stderr). */
function periodOf(values: {
  period?: string;
  from?: string;
  to?: string;
}): ReturnType<typeof resolvePeriod> | number {
  try {
    return resolvePeriod({ period: values.period, from: values.from, to: values.to });
  } catch (e) {
    if (e instanceof GraphQLError) return fail(`${e.message} (--period, or --from and --to)`);
    throw e;
  }
}

/** The report in the asked format: JSON text, form 06 as CSV, or form 06 as a workbook. */
async function rendered(
  em: EntityManager,
  report: DossierReport,
  format: string,
  agency: string[] | null,
): Promise<string | Buffer> {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'csv') return form06Csv(report);
  return form06Xlsx(report, { agencyTitle: await agencyTitle(em, agency), generatedAt: new Date() });
}

export async function reportCommand(config: HubConfig, log: Logger, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      period: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      by: { type: 'string', default: 'agency' },
      rule: { type: 'string', default: 'provincial' },
      'roll-up': { type: 'boolean', default: false },
      agency: { type: 'string', multiple: true },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
    },
  });
  if (positionals[0] !== 'dossiers' || positionals.length !== 1)
    return fail('usage: hub report dossiers --period 2020-Q1 [--by agency] …');
  const by = String(values.by).toLowerCase();
  const rule = String(values.rule).toLowerCase();
  const format = String(values.format).toLowerCase();
  if (!GROUPINGS.includes(by)) return fail(`--by takes ${GROUPINGS.join(', ')} (got ${values.by})`);
  if (!RULES.includes(rule)) return fail(`--rule takes ${RULES.join(' or ')} (got ${values.rule})`);
  if (!FORMATS.includes(format)) return fail(`--format takes ${FORMATS.join(', ')} (got ${values.format})`);
  if (format === 'xlsx' && !values.out) return fail('--format xlsx needs --out FILE');
  const period = periodOf(values);
  if (typeof period === 'number') return period;
  const db = await openDatabase(config, log, { migrate: true });
  try {
    const em = (db.readOrm ?? db.orm).em.fork();
    const agency = values.agency?.length ? values.agency : null;
    const report = await dossierReport(em, {
      period,
      groupBy: by.toUpperCase() as ReportGrouping,
      rule: rule.toUpperCase() as TimelinessRule,
      rollUp: Boolean(values['roll-up']),
      filter: agency ? { agency } : null,
    });
    const body = await rendered(em, report, format, agency);
    if (values.out) {
      await writeFile(values.out, body);
      process.stderr.write(`hub report: ${report.rows.length} rows and the total written to ${values.out}\n`);
    } else process.stdout.write(body);
    return 0;
  } finally {
    await db.close();
  }
}
