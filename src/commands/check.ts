/**
 * `hub check [--format csv|xlsx --out FILE]`: one check run now, its JSON summary on
 * stdout (exit 1 when it failed), and optionally the open findings written to FILE.
 */
import { writeFile } from 'node:fs/promises';
import { openRuntime } from '../app';
import type { HubConfig } from '../config';
import type { Logger } from '../log';
import { CheckOverlapError, findingsCsv, findingsXlsx, openFindingsForExport } from '../modules/check';

export async function checkCommand(
  config: HubConfig,
  log: Logger,
  options: { format?: string; out?: string },
): Promise<number> {
  const format = options.format?.toLowerCase();
  if (format !== undefined && format !== 'csv' && format !== 'xlsx') {
    process.stderr.write(`hub check: --format takes csv or xlsx (got ${options.format})\n`);
    return 2;
  }
  if ((format === undefined) !== (options.out === undefined)) {
    process.stderr.write(
      'hub check: --format and --out go together (hub check --format xlsx --out findings.xlsx)\n',
    );
    return 2;
  }
  const runtime = await openRuntime(config, log);
  try {
    let summary: Awaited<ReturnType<typeof runtime.services.checks.run>>;
    try {
      summary = await runtime.services.checks.run({ trigger: 'CLI' });
    } catch (e) {
      if (!(e instanceof CheckOverlapError)) throw e;
      process.stderr.write(`hub check: ${e.message}\n`);
      return 1;
    }
    const { highFindingIds: _ids, ...shown } = summary;
    process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
    if (summary.status !== 'SUCCEEDED') return 1;
    if (format && options.out) {
      const findings = await openFindingsForExport(runtime.db.orm.em.fork());
      const body = format === 'csv' ? findingsCsv(findings) : await findingsXlsx(findings);
      await writeFile(options.out, body);
      process.stderr.write(`hub check: ${findings.length} open findings written to ${options.out}\n`);
    }
    return 0;
  } finally {
    await runtime.close();
  }
}
