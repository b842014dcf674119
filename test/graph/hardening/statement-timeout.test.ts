/**
 * STATEMENT_TIMEOUT over real HTTP: a form 06 report over a year of 100,000
 * dossiers (SQL-seeded, as the report bench does) runs longer than a small statement
 * timeout and answers QUERY_TIMEOUT, with no SQL in the answer; light requests on the same
 * hub go on answering, and work a request starts but does not own (a sync) is not held to
 * the timeout.
 */
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outsideStatementScope, runInStatementScope, StatementScope } from '../../../src/db/statement-scope';
import { insertDossiers, seedReportWorld } from '../../bench/report-data';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { startTestHub, type TestHub, testConfig } from '../../support/hub';

const TIMEOUT_MS = 50;
const REPORT = `query Form06 {
  dossierReport(period: "2020", groupBy: PROCEDURE, rollUp: false) { total { received } rows { key received } }
}`;

describe('STATEMENT_TIMEOUT', () => {
  let db: TestDatabase;
  let hub: TestHub;

  beforeAll(async () => {
    db = await createTestDatabase();
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      await seedReportWorld(pg);
      await insertDossiers(pg, 1, 100_000, 1);
      await pg.query('vacuum analyze');
    } finally {
      await pg.end();
    }
    hub = await startTestHub(
      db,
      testConfig({ STATEMENT_TIMEOUT: `${TIMEOUT_MS}ms`, GRAPH_MAX_COST: '1000000' }),
    );
  }, 180_000);
  afterAll(async () => {
    await hub?.close();
    await db?.drop();
  });

  it('answers QUERY_TIMEOUT for a statement over the timeout, without its SQL', async () => {
    const res = await hub.gql(REPORT);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TIMEOUT']);
    const text = JSON.stringify(res);
    expect(text).toContain('STATEMENT_TIMEOUT (0.05 s)');
    expect(text).not.toMatch(/select|dossier_fact|canceling/i);
    expect(res.errors?.[0]?.extensions?.requestId).toBeTruthy();
  }, 60_000);

  it('answers the same report under the default timeout, so the timeout is what stopped it', async () => {
    const roomy = await startTestHub(db, testConfig({ GRAPH_MAX_COST: '1000000' }));
    try {
      const res = await roomy.gql<{ dossierReport: { total: { received: number } } }>(REPORT);
      expect(res.errors).toBeUndefined();
      expect(res.data?.dossierReport.total.received).toBeGreaterThan(50_000);
    } finally {
      await roomy.close();
    }
  }, 60_000);

  it('answers light requests on the same hub and pool', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await hub.gql('{ agencies(first: 3) { totalCount } }');
      expect(res.errors).toBeUndefined();
    }
  });

  it('leaves statements outside a request under the server default', async () => {
    // Pool connections that served the report's request serve other work next.
    const em = db.orm.em.fork();
    const settings = await Promise.all(
      Array.from({ length: 10 }, () => em.fork().execute(`select current_setting('statement_timeout') as t`)),
    );
    for (const s of settings) expect(s[0]?.t).toBe('0');
    const scoped = await runInStatementScope(new StatementScope(TIMEOUT_MS), () =>
      db.orm.em.fork().execute(`select current_setting('statement_timeout') as t`),
    );
    expect(scoped[0]?.t).toBe(`${TIMEOUT_MS}ms`);
    // What a request launches to outlive it (SyncService.start, runChecks) leaves the scope.
    const launched = await runInStatementScope(new StatementScope(TIMEOUT_MS), () =>
      outsideStatementScope(() =>
        db.orm.em.fork().execute(`select current_setting('statement_timeout') as t`),
      ),
    );
    expect(launched[0]?.t).toBe('0');
  });
});
