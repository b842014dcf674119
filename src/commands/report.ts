/**
 * `hub report dossiers (--period P | --from D --to D) [--by agency|sector|level|procedure]
 * [--rule provincial|national] [--roll-up] [--agency CODE …] [--format json|csv|xlsx] [--out FILE]`:
 * form 06, read from DATABASE_READ_URL when it is set. JSON and CSV go to stdout without --out.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import type { HubConfig } from '../config';
import { openDatabase } from '../db/database';
import type { Logger } from '../log';
import {
  agencyTitle,
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
  let period: ReturnType<typeof resolvePeriod>;
  try {
    period = resolvePeriod({ period: values.period, from: values.from, to: values.to });
  } catch (e) {
    if (e instanceof GraphQLError) return fail(`${e.message} (--period, or --from and --to)`);
    throw e;
  }
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
    let body: string | Buffer;
    if (format === 'json') body = `${JSON.stringify(report, null, 2)}\n`;
    else if (format === 'csv') body = form06Csv(report);
    else
      body = await form06Xlsx(report, {
        agencyTitle: await agencyTitle(em, agency),
        generatedAt: new Date(),
      });
    if (values.out) {
      await writeFile(values.out, body);
      process.stderr.write(`hub report: ${report.rows.length} rows and the total written to ${values.out}\n`);
    } else process.stdout.write(body);
    return 0;
  } finally {
    await db.close();
  }
}
