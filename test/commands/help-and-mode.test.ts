/** `hub --help` names every command; a run's mode is the same in its first and last log line. */
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db';
import { spawnHub } from '../support/process';

describe('the hub command', () => {
  it('lists every command in --help', async () => {
    const hub = spawnHub(['--help'], { LOG_LEVEL: 'silent' });
    expect(await hub.exited).toBe(0);
    for (const command of [
      'serve',
      'sync',
      'sync confirm',
      'check',
      'report',
      'plan',
      'keys',
      'pii erase',
      'migrate',
      'simulate',
    ])
      expect(hub.stdout()).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  }, 30_000);

  it('logs a first run as FULL at both ends, and the next one as INCREMENTAL at both ends', async () => {
    const db = await createTestDatabase();
    try {
      const env = { DATABASE_URL: db.url, HUB_SIMULATE: '1', SIM_FEEDBACKS: '20', LOG_LEVEL: 'info' };
      const modes = async () => {
        const hub = spawnHub(['sync', 'pakn'], env);
        expect(await hub.exited).toBe(0);
        const lines = hub
          .stderr()
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as { event?: string; mode?: string });
        return ['sync_run_started', 'sync_run_finished'].map((e) => lines.find((l) => l.event === e)?.mode);
      };
      expect(await modes()).toEqual(['FULL', 'FULL']);
      expect(await modes()).toEqual(['INCREMENTAL', 'INCREMENTAL']);
    } finally {
      await db.drop();
    }
  }, 120_000);
});
