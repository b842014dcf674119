/**
 * Retention erases personal data, never figures: form 06 (by agency, rolled up, by
 * procedure under the national rule), the feedback report, the service index and every
 * dossier_fact row are the same before and after erasing a synced simulated province,
 * and a full re-sync of the unchanged portals writes none of it back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erasePersonalData } from '../../src/sync/retention';
import { createTestDatabase, type TestDatabase } from '../support/db';
import type { TestHub } from '../support/hub';
import { type Portals, startPortals, syncedHub } from '../support/province';
import { REPORTS_QUERY } from '../support/report-queries';

const CLOSED = `status in ('PROCESSED', 'RETURNED', 'WITHDRAWN', 'STOPPED', 'NOT_RECEIVED')`;

describe('personal-data erasure and the figures', () => {
  let db: TestDatabase;
  let portals: Portals;
  let hub: TestHub;
  beforeAll(async () => {
    db = await createTestDatabase();
    portals = await startPortals();
    ({ hub } = await syncedHub(db, portals));
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
    await portals?.close();
    await db?.drop();
  });

  const count = async (sql: string) =>
    Number((await db.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from ${sql}`))[0]!.n);
  const reports = async () =>
    Promise.all(
      ['2020', '2021'].map(async (period) => {
        const r = await hub.gql(REPORTS_QUERY, { period });
        expect(r.errors).toBeUndefined();
        return r.data;
      }),
    );
  const facts = () => db.orm.em.fork().execute(`select * from dossier_fact order by code`);

  it('leaves every report and dossier fact as it was, and a re-sync does not refill', async () => {
    const before = await reports();
    type Totals = {
      dossierReport: { total: { received: number; resolved: number } };
      feedbackReport: { total: { closed: number } };
    };
    const y2020 = before[0] as unknown as Totals;
    // Figures worth comparing: the year has dossiers received and resolved and feedback closed.
    expect(y2020.dossierReport.total.received).toBeGreaterThan(50);
    expect(y2020.dossierReport.total.resolved).toBeGreaterThan(20);
    expect(y2020.feedbackReport.total.closed).toBeGreaterThan(10);
    const factsBefore = await facts();
    expect(factsBefore.length).toBeGreaterThan(300);
    // The simulated province ends in 2021: everything closed is older than 30 days.
    const r = await erasePersonalData(db.orm, { days: 30 });
    expect(r.tables.dossier).toBe(await count(`dossier where ${CLOSED}`));
    expect(r.tables.dossier).toBeGreaterThan(100);
    expect(r.tables.feedback).toBe(await count(`feedback where status_group = 'PROCESSED'`));
    expect(r.tables.feedback).toBeGreaterThan(30);
    expect(
      await count(
        `dossier where ${CLOSED} and (applicant_name is not null or applicant_phone is not null or identity_hash is not null or raw -> 'applicant' -> 'data' <> 'null')`,
      ),
    ).toBe(0);
    expect(
      await count(
        `feedback where status_group = 'PROCESSED' and (sender_name is not null or raw -> 'nguoiGui' <> 'null')`,
      ),
    ).toBe(0);
    // Open items keep theirs.
    expect(await count(`dossier where not ${CLOSED} and applicant_name is not null`)).toBeGreaterThan(10);

    expect(await reports()).toEqual(before);
    expect(await facts()).toEqual(factsBefore);

    for (const source of ['IGATE', 'PAKN'] as const) {
      const run = await hub.services.sync.run(source, { trigger: 'CLI', full: true });
      expect(run.status).toBe('SUCCEEDED');
      expect(run.counts).toMatchObject({ inserted: 0, updated: 0 });
    }
    const again = await erasePersonalData(db.orm, { days: 30, dryRun: true });
    expect(again).toMatchObject({ tables: { dossier: 0, feedback: 0 }, quarantined: 0 });
    // Record history versions catalogue rows only: no citizen is in it.
    expect(
      await count(`record_version where table_name not in ('national_procedure', 'provincial_listing')`),
    ).toBe(0);
  }, 180_000);
});
