/**
 * The checks reproduce the hand-written golden fixture (test/fixtures/check/golden.ts)
 * exactly: every expected finding with its severity, nothing on the near-misses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFindingCounts, openFindings, runChecks } from '../../../src/modules/check';
import {
  AGENCIES,
  AS_OF,
  type Channel,
  DOSSIERS,
  EXPECTED,
  FEEDBACK,
  LISTINGS,
  NATIONAL,
  NEAR_MISSES,
} from '../../fixtures/check/golden';
import { createTestDatabase, type TestDatabase } from '../../support/db';

const NOW = '2024-06-01T00:00:00Z';
const synced = { raw: null, content_hash: 'h', deleted_at: null, created_at: NOW, updated_at: NOW };

const channels = (list: Channel[] = []) =>
  list.map((c) => ({
    channel: c.channel,
    times: (c.times ?? []).map(([value, unit]) => ({ value, unit, description: null })),
    fees: (c.fees ?? []).map(([amount, description]) => ({
      code: null,
      amount,
      description: description ?? null,
    })),
  }));
const bases = (numbers: string[] = []) =>
  numbers.map((number) => ({ number, title: null, issuedDate: null, issuer: null }));
const agencies = (codes: string[] = []) => codes.map((code) => ({ code, name: code }));

async function insert(db: TestDatabase, table: string, rows: object[]): Promise<void> {
  await db.orm.em
    .fork()
    .getConnection()
    .execute(`insert into ${table} select * from jsonb_populate_recordset(null::${table}, ?::jsonb)`, [
      JSON.stringify(rows),
    ]);
}

async function seed(db: TestDatabase): Promise<void> {
  await insert(
    db,
    'national_procedure',
    NATIONAL.map((n) => ({
      ...synced,
      code: n.code,
      name: n.name,
      search_text: n.name,
      in_force: n.inForce ?? true,
      abolished_at: n.abolishedAt ?? null,
      source_updated_at: NOW,
      decision: n.decisionDate ? { id: null, number: 'QĐ', date: n.decisionDate, issuer: null } : null,
      decision_date: n.decisionDate ?? null,
      sector_codes: [],
      sectors: [],
      levels: n.levels ?? [],
      agency_codes: n.agencies ?? [],
      agencies: agencies(n.agencies),
      subjects: [],
      channels: channels(n.channels),
      documents: [],
      results: [],
      legal_bases: bases(n.legalBases),
      issues: [],
    })),
  );
  await insert(
    db,
    'provincial_listing',
    LISTINGS.map((l, i) => ({
      ...synced,
      code: l.code,
      external_id: `listing-${i}`,
      national_code: l.nationalCode,
      national_code_inferred: l.nationalCode === '1.000021',
      name: l.name,
      search_text: l.name,
      levels: l.levels ?? [],
      agency_codes: l.agencies ?? ['000.00.12.H21'],
      agencies: agencies(l.agencies ?? ['000.00.12.H21']),
      channels: channels(l.channels),
      online_level: l.onlineLevel ?? null,
      legal_bases: bases(l.legalBases),
      decision_number: l.decisionDate ? 'QĐ tỉnh' : null,
      decision_date: l.decisionDate ?? null,
      active: l.active ?? true,
      source_updated_at: NOW,
      issues: [],
    })),
  );
  await insert(
    db,
    'dossier',
    DOSSIERS.map((d, i) => ({
      ...synced,
      code: d.code,
      external_id: `dossier-${i}`,
      listing_code: d.listingCode,
      national_code: d.listingCode.split('.').slice(0, 2).join('.'),
      status: d.status ?? 'PROCESSING',
      source_status_id: 2,
      channel: 'DIRECT',
      accepted_at: d.acceptedAt ?? null,
      supplements: [],
      supplement_count: 0,
      source_updated_at: NOW,
    })),
  );
  await insert(
    db,
    'feedback',
    FEEDBACK.map((f, i) => ({
      ...synced,
      code: f.code,
      external_id: `feedback-${i}`,
      title: 'Phản ánh',
      content: 'Nội dung',
      classification: 'KHAC',
      channel: 'CONG_TINH',
      status: 'MOI_TIEP_NHAN',
      status_group: 'WAITING',
      history: [],
      sent_at: NOW,
      source_updated_at: NOW,
      published: false,
      likes: 0,
      dislikes: 0,
      agency_code: f.agencyCode ?? null,
      procedure_code: f.procedureCode ?? null,
      dossier_code: f.dossierCode ?? null,
    })),
  );
  const agency = (code: string) => ({ ...synced, code, name: code, level: 'PROVINCE', parent_code: null });
  await insert(db, 'igate_agency', AGENCIES.igate.map(agency));
  await insert(db, 'national_agency', AGENCIES.national.map(agency));
  await db.orm.em.fork().execute(
    `insert into sync_run (source, mode, trigger, status, started_at, finished_at, heartbeat_at, worker)
     select s, 'FULL', 'CLI', 'SUCCEEDED', ?, ?, ?, 'golden' from unnest(array['NATIONAL', 'IGATE', 'PAKN']) s`,
    [NOW, NOW, NOW],
  );
}

describe('the golden fixture', () => {
  let db: TestDatabase;
  let found: Array<{
    kind: string;
    subject_code: string;
    field: string | null;
    channel: string | null;
    severity: string;
  }>;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seed(db);
    const run = await runChecks(db.orm, { trigger: 'CLI', now: new Date(AS_OF) });
    expect(run.errorMessage).toBeNull();
    expect(run.kindsSkipped).toEqual([]);
    found = await db.orm.em
      .fork()
      .execute(
        `select kind, subject_code, field, channel, severity from finding order by kind, subject_code, channel`,
      );
  });
  afterAll(() => db.drop());

  it('produces exactly the expected findings, with their severities', () => {
    const key = (f: {
      kind: string;
      subjectCode: string;
      field: string | null;
      channel: string | null;
      severity: string;
    }) => `${f.kind} ${f.subjectCode} ${f.field ?? '-'} ${f.channel ?? '-'} ${f.severity}`;
    const got = found.map((f) => key({ ...f, subjectCode: f.subject_code })).sort();
    const want = EXPECTED.map(key).sort();
    expect(got).toEqual(want);
  });

  it('gives nothing on the near-misses', () => {
    const hits = NEAR_MISSES.filter((n) =>
      found.some(
        (f) => f.subject_code === n.subjectCode && (n.channel === undefined || f.channel === n.channel),
      ),
    );
    expect(hits).toEqual([]);
  });
});

describe('the read API other modules use', () => {
  it('counts open findings by kind for an agency, RESOLVED ones left out', async () => {
    const db = await createTestDatabase();
    try {
      await seed(db);
      await runChecks(db.orm, { trigger: 'CLI', now: new Date(AS_OF) });
      const em = db.orm.em.fork();
      const agency = ['000.00.12.H21'];
      const counts = await openFindingCounts(em, {
        agencies: agency,
        kinds: ['DUPLICATE_LISTING', 'NAME_MISMATCH'],
      });
      // The fixture's listings default to agency 000.00.12.H21: three names and the duplicate.
      expect(counts).toEqual([
        { kind: 'DUPLICATE_LISTING', severity: 'MEDIUM', count: 1 },
        { kind: 'NAME_MISMATCH', severity: 'LOW', count: 2 },
        { kind: 'NAME_MISMATCH', severity: 'MEDIUM', count: 1 },
      ]);
      await em.execute(`update finding set status = 'RESOLVED' where kind = 'DUPLICATE_LISTING'`);
      expect(await openFindings(em, { agencies: agency, kinds: ['DUPLICATE_LISTING'] })).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});
