import type { HubConfig } from '../config';
import { openDatabase } from '../db/database';
import type { Logger } from '../log';

export async function migrateCommand(config: HubConfig, log: Logger): Promise<number> {
  const db = await openDatabase(config, log, { migrate: false });
  try {
    const applied = await db.orm.getMigrator().up();
    process.stdout.write(
      applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}\n` : 'the database is up to date\n',
    );
    return 0;
  } finally {
    await db.close();
  }
}
