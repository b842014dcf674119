/** `hub keys` in a real process against the test database, and the keys it makes in use. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { startTestHub, type TestHub } from '../../support/hub';
import { spawnHub } from '../../support/process';

let db: TestDatabase;
let hub: TestHub;
beforeAll(async () => {
  db = await createTestDatabase();
  hub = await startTestHub(db);
});
afterAll(async () => {
  await hub.close();
  await db.drop();
});

async function keys(...args: string[]) {
  const p = spawnHub(['keys', ...args], { DATABASE_URL: db.url, HUB_SIMULATE: '1', LOG_LEVEL: 'warn' });
  const code = await p.exited;
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}

describe('hub keys', () => {
  it('creates a key printed once on the last line, lists it without the key, and revokes it', async () => {
    const made = await keys(
      'create',
      '--role',
      'viewer',
      '--name',
      'dashboard',
      '--agency',
      '000.00.01.H21',
      '--rate',
      '5000',
    );
    expect(made.code, made.stderr).toBe(0);
    const key = made.stdout.trim().split('\n').at(-1)!;
    expect(key).toMatch(/^thk_[A-Za-z0-9_-]{43}$/);

    const ok = await hub.gql('{ sources { source } }', {}, key);
    expect(ok.status).toBe(200);

    const listed = await keys('list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/dashboard\tVIEWER\t-\t000\.00\.01\.H21\t5000\/min\t\S+\tlive/);
    expect(listed.stdout).not.toContain(key);

    const again = await keys('create', '--role', 'ADMIN', '--name', 'dashboard');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already named "dashboard"');

    const revoked = await keys('revoke', '--name', 'dashboard');
    expect(revoked.code).toBe(0);
    expect((await hub.gql('{ sources { source } }', {}, key)).status).toBe(401);
    expect((await keys('revoke', '--name', 'dashboard')).code).toBe(1);
  }, 120_000);

  it('refuses an unknown role and a bad rate with usage errors', async () => {
    const role = await keys('create', '--role', 'BOSS', '--name', 'x');
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('--role must be one of VIEWER, AUDITOR, INTEGRATOR, ADMIN');
    const rate = await keys('create', '--role', 'VIEWER', '--name', 'x', '--rate', 'fast');
    expect(rate.code).toBe(2);
  }, 60_000);
});
