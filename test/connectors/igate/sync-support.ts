/** A real sync of the iGate connector into a test database, and row snapshots to compare runs. */
import { Writable } from 'node:stream';
import pino from 'pino';
import { createIgateConnector, type IgateConfig } from '../../../connectors/igate';
import type { IgateSimulator } from '../../../connectors/sim/igate/simulator';
import type { Logger } from '../../../src/log';
import type { RunOptions, RunSummary } from '../../../src/sync/runner';
import { SyncService } from '../../../src/sync/sync.service';
import type { TestDatabase } from '../../support/db';
import { testConfig } from '../../support/hub';
import { connectorConfig } from './support';

export const TABLES = ['igate_agency', 'provincial_listing', 'dossier'] as const;

/** A logger whose lines are kept, to assert on what was (not) logged. */
export function memoryLogger(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { log: pino({ level: 'debug' }, sink) as unknown as Logger, lines };
}

export function syncIgate(
  db: TestDatabase,
  sim: IgateSimulator,
  options: { full?: boolean; config?: Partial<IgateConfig>; log?: Logger; run?: Partial<RunOptions> } = {},
): Promise<RunSummary> {
  const log = options.log ?? memoryLogger().log;
  const service = new SyncService(db.orm, testConfig(), log, () =>
    createIgateConnector(connectorConfig(sim, options.config), { logger: log }),
  );
  return service.run('IGATE', { trigger: 'CLI', full: options.full ?? true, ...options.run });
}

/** `key → content_hash` of every live row of the iGate tables. */
export async function snapshot(db: TestDatabase): Promise<Record<string, Record<string, string>>> {
  const out: Record<string, Record<string, string>> = {};
  for (const table of TABLES) {
    const rows = await db.orm.em
      .fork()
      .execute<{ code: string; content_hash: string }[]>(
        `select code, content_hash from "${table}" where deleted_at is null order by code`,
      );
    out[table] = Object.fromEntries(rows.map((r) => [r.code, r.content_hash]));
  }
  return out;
}
