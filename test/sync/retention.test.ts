/**
 * PII_RETENTION_DAYS on a handful of hand-made records whose closing dates sit on either
 * side of a 365-day retention: which rows lose their personal data, what stays, that an
 * unchanged record re-synced stays erased, and that a changed one is erased on write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector, Mapped } from '../../connectors/kit/types';
import { newRequestStats } from '../../connectors/kit/types';
import type { DossierRecord, FeedbackRecord, Source } from '../../src/domain/model';
import { createLogger } from '../../src/log';
import { erasePersonalData, retentionJob } from '../../src/sync/retention';
import { runSync } from '../../src/sync/runner';
import { Scheduler } from '../../src/sync/scheduler';
import { dossierRecord, feedbackRecord } from '../modules/report/seed';
import { createTestDatabase, type TestDatabase } from '../support/db';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const log = createLogger('silent');

function dossier(
  code: string,
  status: DossierRecord['status'],
  dates: Partial<DossierRecord>,
): DossierRecord {
  const d = dossierRecord({
    code,
    agency: 'A.1',
    listing: 'L.1',
    nationalCode: '1.000001',
    channel: 'DIRECT',
    status,
  });
  return {
    ...d,
    acceptedAt: ago(1000),
    applicant: {
      type: 'CITIZEN',
      fullName: `Nguyễn Văn ${code}`,
      phone: '0905123434',
      email: `${code.toLowerCase()}@example.vn`,
      identityHash: `hash-${code}`,
      identityLast4: '1234',
    },
    ...dates,
  };
}

/** The raw payload as the connector stores it (already masked), plus an address. */
function dossierRaw(d: DossierRecord): unknown {
  return {
    code: d.code,
    applicant: {
      type: 1,
      data: {
        fullname: 'Nguyễn V** D*',
        identityNumber: '********1234',
        phone: '09******34',
        diaChi: 'Quy Nhơn',
      },
    },
    dossierStatus: { id: 1 },
  };
}

function feedback(code: string, history: [FeedbackRecord['status'], number][]): FeedbackRecord {
  const f = feedbackRecord({
    code,
    agency: 'A.1',
    classification: 'KHAC',
    channel: 'CONG_TINH',
    sent: '2019-01-02 08:00',
  });
  const h = history.map(([status, days]) => ({ status, at: ago(days) }));
  const status = h.at(-1)!.status;
  return {
    ...f,
    status,
    statusGroup: status === 'DANG_XU_LY' ? 'IN_PROCESS' : 'PROCESSED',
    history: h,
    sender: { fullName: `Trần Thị ${code}`, phone: '0912000111', email: `${code.toLowerCase()}@mail.vn` },
  };
}

const feedbackRaw = (f: FeedbackRecord) => ({
  maPAKN: f.code,
  nguoiGui: { hoTen: 'Trần T** F*', soDienThoai: '09******11', email: 'f***@mail.vn' },
});

const DOSSIERS = [
  // closed 400 days ago: erased
  dossier('D-DONE-OLD', 'PROCESSED', { completedAt: ago(400), updatedAt: ago(400) }),
  // closed 100 days ago: kept
  dossier('D-DONE-NEW', 'PROCESSED', { completedAt: ago(100), updatedAt: ago(100) }),
  // completed 500 days ago but returned 200 days ago: its last closing date counts, kept
  dossier('D-RETURNED', 'RETURNED', { completedAt: ago(500), returnedAt: ago(200), updatedAt: ago(200) }),
  dossier('D-WITHDRAWN-OLD', 'WITHDRAWN', { withdrawnAt: ago(400), updatedAt: ago(400) }),
  // stopped: no closing date, its last change upstream counts
  dossier('D-STOPPED-OLD', 'STOPPED', { updatedAt: ago(400) }),
  // open for 800 days: kept, whatever its age
  dossier('D-OPEN-OLD', 'PROCESSING', { updatedAt: ago(800) }),
];
/** D-DONE-OLD rated a day after it closed: a change upstream. */
const rated: DossierRecord[] = DOSSIERS.map((d) =>
  d.code === 'D-DONE-OLD'
    ? { ...d, rating: { value: 1 as const, ratedAt: ago(399) }, updatedAt: ago(399) }
    : d,
);
const FEEDBACK = [
  feedback('F-ANSWERED-OLD', [
    ['DANG_XU_LY', 420],
    ['DA_TRA_LOI', 400],
  ]),
  // answered 400 days ago, published 10 days ago: its latest transition counts, kept
  feedback('F-PUBLISHED-NEW', [
    ['DA_TRA_LOI', 400],
    ['DA_CONG_KHAI', 10],
  ]),
  feedback('F-OPEN-OLD', [['DANG_XU_LY', 900]]),
];

function connector(source: Source, stream: string, items: Mapped<unknown>[]): Connector {
  return {
    source,
    stats: newRequestStats(),
    streams: [
      {
        name: stream,
        async *read() {
          yield { items, rejected: [], checkpoint: null, cursor: 'c1' };
        },
      },
    ],
  };
}

async function sync(
  db: TestDatabase,
  dossiers: DossierRecord[],
  items: FeedbackRecord[],
  days: number | null,
) {
  const settings = { abandonAfterMs: 60_000, deleteGuardPercent: 100, piiRetentionDays: days };
  const a = await runSync(
    {
      orm: db.orm,
      log,
      settings,
      connector: connector(
        'IGATE',
        'dossiers',
        dossiers.map((d) => ({ key: d.code, row: d, raw: dossierRaw(d) })),
      ),
    },
    { trigger: 'CLI' },
  );
  const b = await runSync(
    {
      orm: db.orm,
      log,
      settings,
      connector: connector(
        'PAKN',
        'feedbacks',
        items.map((f) => ({ key: f.code, row: f, raw: feedbackRaw(f) })),
      ),
    },
    { trigger: 'CLI' },
  );
  return { dossiers: a.counts, feedback: b.counts };
}

async function names(db: TestDatabase): Promise<Record<string, string | null>> {
  const rows = await db.orm.em
    .fork()
    .execute<{ code: string; name: string | null }[]>(
      `select code, applicant_name as name from dossier union all select code, sender_name from feedback order by code`,
    );
  return Object.fromEntries(rows.map((r) => [r.code, r.name]));
}

describe('personal-data retention (PII_RETENTION_DAYS=365)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await sync(db, DOSSIERS, FEEDBACK, null);
    const em = db.orm.em.fork();
    // Quarantined dossier payloads: one of an item that will be erased, one of an open
    // item, one not seen for 400 days; and a national record, another stream, with a phone.
    const raw = (code: string) =>
      JSON.stringify({ code, applicant: { data: { fullname: 'Nguyễn V** Q*', phone: '09******34' } } });
    for (const [source, stream, key, lastSeenDays, payload] of [
      ['IGATE', 'dossiers', 'D-DONE-OLD', 1, raw('D-DONE-OLD')],
      ['IGATE', 'dossiers', 'D-OPEN-OLD', 1, raw('D-OPEN-OLD')],
      ['IGATE', 'dossiers', 'D-GONE', 400, raw('D-GONE')],
      ['NATIONAL', 'agencies', 'AG.1', 400, JSON.stringify({ MACOQUAN: 'AG.1', phone: '0256000000' })],
    ] as const) {
      await em.execute(
        `insert into quarantined_record (source, stream, external_key, field, reason, fingerprint, raw, sync_run_id, first_seen_at, last_seen_at)
         values (?, ?, ?, 'x', 'bad', ?, ?::jsonb, 1, now(), now() - make_interval(days => ?))`,
        [source, stream, key, `fp-${key}`, payload, lastSeenDays],
      );
    }
  });
  afterAll(() => db.drop());

  it('counts in a dry run and changes nothing', async () => {
    const r = await erasePersonalData(db.orm, { days: 365, dryRun: true });
    expect(r).toMatchObject({
      retentionDays: 365,
      dryRun: true,
      tables: { dossier: 3, feedback: 1 },
      quarantined: 2,
    });
    expect((await names(db))['D-DONE-OLD']).toBe('Nguyễn Văn D-DONE-OLD');
  });

  it('erases names, phones, e-mails, identity and raw personal members of items closed past the retention', async () => {
    const r = await erasePersonalData(db.orm, { days: 365 });
    expect(r).toMatchObject({ dryRun: false, tables: { dossier: 3, feedback: 1 }, quarantined: 2 });
    expect(await names(db)).toEqual({
      'D-DONE-NEW': 'Nguyễn Văn D-DONE-NEW',
      'D-DONE-OLD': null,
      'D-OPEN-OLD': 'Nguyễn Văn D-OPEN-OLD',
      'D-RETURNED': 'Nguyễn Văn D-RETURNED',
      'D-STOPPED-OLD': null,
      'D-WITHDRAWN-OLD': null,
      'F-ANSWERED-OLD': null,
      'F-OPEN-OLD': 'Trần Thị F-OPEN-OLD',
      'F-PUBLISHED-NEW': 'Trần Thị F-PUBLISHED-NEW',
    });
    const em = db.orm.em.fork();
    const [d] = await em.execute(
      `select applicant_name, applicant_phone, applicant_email, identity_hash, identity_last4, applicant_type, status, raw
         from dossier where code = 'D-DONE-OLD'`,
    );
    expect(d).toEqual({
      applicant_name: null,
      applicant_phone: null,
      applicant_email: null,
      identity_hash: null,
      identity_last4: null,
      applicant_type: 'CITIZEN',
      status: 'PROCESSED',
      raw: { code: 'D-DONE-OLD', applicant: { type: 1, data: null }, dossierStatus: { id: 1 } },
    });
    const [f] = await em.execute(
      `select sender_phone, sender_email, raw from feedback where code = 'F-ANSWERED-OLD'`,
    );
    expect(f).toEqual({
      sender_phone: null,
      sender_email: null,
      raw: { maPAKN: 'F-ANSWERED-OLD', nguoiGui: null },
    });
    const q = await em.execute<{ external_key: string; raw: unknown }[]>(
      `select external_key, raw from quarantined_record order by external_key`,
    );
    expect(q).toEqual([
      { external_key: 'AG.1', raw: { MACOQUAN: 'AG.1', phone: '0256000000' } },
      { external_key: 'D-DONE-OLD', raw: { code: 'D-DONE-OLD', applicant: { data: null } } },
      { external_key: 'D-GONE', raw: { code: 'D-GONE', applicant: { data: null } } },
      {
        external_key: 'D-OPEN-OLD',
        raw: { code: 'D-OPEN-OLD', applicant: { data: { fullname: 'Nguyễn V** Q*', phone: '09******34' } } },
      },
    ]);
  });

  it('has nothing left to do on a second run', async () => {
    const r = await erasePersonalData(db.orm, { days: 365 });
    expect(r).toMatchObject({ tables: { dossier: 0, feedback: 0 }, quarantined: 0 });
  });

  it('is not re-filled by a sync of the unchanged records (even a sync that does not erase)', async () => {
    const counts = await sync(db, DOSSIERS, FEEDBACK, null);
    expect(counts.dossiers).toMatchObject({ unchanged: 6, updated: 0, inserted: 0 });
    expect(counts.feedback).toMatchObject({ unchanged: 3, updated: 0, inserted: 0 });
    const n = await names(db);
    expect([n['D-DONE-OLD'], n['D-STOPPED-OLD'], n['D-WITHDRAWN-OLD'], n['F-ANSWERED-OLD']]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('erases a changed closed record in the sync that writes it back', async () => {
    const counts = await sync(db, rated, FEEDBACK, 365);
    expect(counts.dossiers).toMatchObject({ updated: 1, unchanged: 5 });
    const [d] = await db.orm.em
      .fork()
      .execute(
        `select applicant_name, identity_hash, rating_value, raw -> 'applicant' as applicant from dossier where code = 'D-DONE-OLD'`,
      );
    expect(d).toEqual({
      applicant_name: null,
      identity_hash: null,
      rating_value: 1,
      applicant: { type: 1, data: null },
    });
  });

  it('erases again, on the next run, a closed record a sync without retention wrote back', async () => {
    const changed = rated.map((d) => (d.code === 'D-STOPPED-OLD' ? { ...d, updatedAt: ago(390) } : d));
    await sync(db, changed, FEEDBACK, null);
    expect((await names(db))['D-STOPPED-OLD']).toBe('Nguyễn Văn D-STOPPED-OLD');
    const r = await erasePersonalData(db.orm, { days: 365 });
    expect(r).toMatchObject({ tables: { dossier: 1, feedback: 0 }, quarantined: 0 });
    expect((await names(db))['D-STOPPED-OLD']).toBeNull();
  });

  it('runs as the pii:erase schedule once per tick however many workers share the database', async () => {
    const job = retentionJob(db.orm, 365, '0 45 3 * * *');
    const workers = [new Scheduler(db.orm, log, [job]), new Scheduler(db.orm, log, [job])];
    const tick = new Date('2026-12-02T20:45:00Z');
    const outcomes = await Promise.all(workers.map((w) => w.tick(job, tick)));
    expect(outcomes.sort()).toEqual(['not-claimed', 'ran']);
    const rows = await db.orm.em
      .fork()
      .execute(`select job, outcome from schedule_tick where job = 'pii:erase'`);
    expect(rows).toEqual([{ job: 'pii:erase', outcome: 'erased dossier 0, feedback 0, quarantined 0' }]);
  });
});
