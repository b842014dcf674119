import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { spawnHub } from '../support/process';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

async function hub(...args: string[]) {
  const p = spawnHub(['plan', ...args], { DATABASE_URL: db.url, HUB_SIMULATE: '1', LOG_LEVEL: 'warn' });
  const code = await p.exited;
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}

// Each case spawns `hub` once or twice; on a loaded machine one spawn takes 10–20 s.
describe('hub plan import', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-'));
  const reference = readFileSync('test/fixtures/plan/binh-dinh-2020.txt', 'utf8');

  it('stores the plan, then reports an unchanged re-import, exit code 0', async () => {
    const first = await hub('import', 'test/fixtures/plan/binh-dinh-2020.txt');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('plan Bình Định 2020: stored as version 1; 20 tasks in 5 sections');
    // no agencies synced yet: every named body is listed as unmatched
    expect(first.stdout).toContain('  Ban Dân tộc\n');
    const again = await hub('import', 'test/fixtures/plan/binh-dinh-2020.txt');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('unchanged (version 1 already says this)');
  });

  it('refuses a broken file with the line, exit code 1, and stores nothing', async () => {
    const broken = path.join(dir, 'broken.txt');
    writeFileSync(broken, reference.replace('\n8\tCông khai địa chỉ', '\n7\tCông khai địa chỉ'));
    const result = await hub('import', broken);
    expect(result.code).toBe(1);
    const line = reference.split('\n').findIndex((l) => l.startsWith('8\tCông khai địa chỉ')) + 1;
    expect(result.stderr).toContain(
      `broken.txt refused, nothing stored: line ${line}: expected a task number not used before`,
    );
    const [row] = await db.orm.em.fork().execute('select count(*)::int as n from plan');
    expect(row!.n).toBe(1);
  });

  it('says so when the file cannot be read (exit 1) or is not named (exit 2)', async () => {
    const missing = await hub('import', path.join(dir, 'nowhere.txt'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read');
    expect(missing.stderr).toContain('ENOENT');
    const none = await hub('import');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('usage: hub plan import FILE');
  });
});
