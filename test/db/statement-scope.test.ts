/** A piece of work's SQL can be cancelled without touching anyone else's. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelScope, runInStatementScope, StatementScope } from '../../src/db/statement-scope';
import { createTestDatabase, type TestDatabase } from '../support/db';

describe('statement scopes', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  async function sleeping(): Promise<number> {
    const rows = await db.orm.em
      .fork()
      .execute(
        `select count(*) as n from pg_stat_activity where query like 'select pg_sleep(%' and state = 'active'`,
      );
    return Number(rows[0]?.n ?? 0);
  }

  it("cancels the scope's running statement and leaves another one running", async () => {
    const scope = new StatementScope();
    const mine = runInStatementScope(scope, () => db.orm.em.fork().execute('select pg_sleep(30)'));
    const other = db.orm.em.fork().execute('select pg_sleep(2) as slept');
    while ((await sleeping()) < 2) await new Promise((r) => setTimeout(r, 50));
    expect(scope.backends()).toHaveLength(1);

    const mineFails = expect(mine).rejects.toThrow(/canceling statement due to user request/);
    expect(await cancelScope(db.url, scope)).toBe(1);
    await mineFails;
    await expect(other).resolves.toEqual([{ slept: '' }]);
    expect(scope.backends()).toEqual([]);
  }, 30_000);

  it('cancels nothing when the scope has nothing running', async () => {
    const scope = new StatementScope();
    await runInStatementScope(scope, () => db.orm.em.fork().execute('select 1'));
    expect(scope.backends()).toEqual([]);
    expect(await cancelScope(db.url, scope)).toBe(0);
  });
});
