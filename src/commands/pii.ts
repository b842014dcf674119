/**
 * `hub pii erase [--dry-run]`: the PII_RETENTION_DAYS erasure now (what the `pii:erase`
 * schedule runs), printing one JSON line of counts: rows erased by table and quarantined
 * payloads. `--dry-run` counts what would be erased and changes nothing.
 */
import { parseArgs } from 'node:util';
import type { HubConfig } from '../config';
import { openDatabase } from '../db/database';
import type { Logger } from '../log';
import { erasePersonalData } from '../sync/retention';

const USAGE = 'usage: hub pii erase [--dry-run]\n';

export async function piiCommand(config: HubConfig, log: Logger, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { 'dry-run': { type: 'boolean' } },
    allowPositionals: true,
  });
  if (positionals.length !== 1 || positionals[0] !== 'erase') {
    process.stderr.write(USAGE);
    return 2;
  }
  if (config.piiRetentionDays === null) {
    process.stderr.write('hub pii erase: PII_RETENTION_DAYS is not set (personal data is kept)\n');
    return 2;
  }
  const db = await openDatabase(config, log, { migrate: true });
  try {
    const counts = await erasePersonalData(db.orm, {
      days: config.piiRetentionDays,
      dryRun: Boolean(values['dry-run']),
    });
    log.info(
      { event: 'pii_erased', ...counts },
      counts.dryRun ? 'personal data erasure (dry run)' : 'personal data erased',
    );
    process.stdout.write(`${JSON.stringify(counts)}\n`);
    return 0;
  } finally {
    await db.close();
  }
}
