/** `hub pii erase [--dry-run]` as an operator runs it: one JSON line of counts on stdout. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertRows } from '../../src/db/upsert';
import { dossierWriter } from '../../src/modules/dossier/dossier.writer';
import { dossierRecord } from '../modules/report/seed';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { spawnHub } from '../support/process';

const DAY = 86_400_000;

describe('hub pii erase', () => {
  let db: TestDatabase;
  const env = (days?: string) => ({
    DATABASE_URL: db.url,
    HUB_SIMULATE: '1',
    LOG_LEVEL: 'silent',
    ...(days ? { PII_RETENTION_DAYS: days } : {}),
  });
  const names = async () =>
    (
      await db.orm.em
        .fork()
        .execute<{ code: string; n: string | null }[]>(
          `select code, applicant_name n from dossier order by code`,
        )
    ).map((r) => [r.code, r.n]);

  beforeAll(async () => {
    db = await createTestDatabase();
    const base = { agency: 'A.1', listing: 'L.1', nationalCode: '1.000001', channel: 'DIRECT' as const };
    const applicant = {
      type: 'CITIZEN' as const,
      fullName: 'Lê Văn Bình',
      phone: '0905000111',
      email: null,
      identityHash: 'h',
      identityLast4: '0111',
    };
    const old = new Date(Date.now() - 500 * DAY);
    const rows = [
      { ...dossierRecord({ ...base, code: 'D-1', status: 'PROCESSED' }), completedAt: old, applicant },
      { ...dossierRecord({ ...base, code: 'D-2', status: 'PROCESSING' }), applicant },
    ].map((d) => ({ key: d.code, values: dossierWriter.toValues(d), raw: { code: d.code } }));
    await upsertRows(db.orm.em.fork(), dossierWriter.spec, rows);
  });
  afterAll(() => db.drop());

  it('refuses without PII_RETENTION_DAYS (exit 2), counts with --dry-run, then erases', async () => {
    const unset = spawnHub(['pii', 'erase'], env());
    expect(await unset.exited).toBe(2);
    expect(unset.stderr()).toContain('PII_RETENTION_DAYS is not set');

    const dry = spawnHub(['pii', 'erase', '--dry-run'], env('365'));
    expect(await dry.exited).toBe(0);
    expect(JSON.parse(dry.stdout())).toMatchObject({
      retentionDays: 365,
      dryRun: true,
      tables: { dossier: 1, feedback: 0 },
      quarantined: 0,
    });
    expect(await names()).toEqual([
      ['D-1', 'Lê Văn Bình'],
      ['D-2', 'Lê Văn Bình'],
    ]);

    const real = spawnHub(['pii', 'erase'], env('365'));
    expect(await real.exited).toBe(0);
    expect(JSON.parse(real.stdout())).toMatchObject({ dryRun: false, tables: { dossier: 1, feedback: 0 } });
    expect(await names()).toEqual([
      ['D-1', null],
      ['D-2', 'Lê Văn Bình'],
    ]);
  }, 180_000);
});
