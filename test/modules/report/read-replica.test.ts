/**
 * Reports read from DATABASE_READ_URL when it is set: the graph's dossierReport and
 * serviceIndex, the console's form 06 xlsx and `hub report dossiers` all answer from a
 * second database that holds different dossiers than the primary, reached through a role
 * that may only SELECT (as on a streaming replica), while the dossier list still reads
 * the primary. The connections come from openDatabase, the wiring `hub serve` uses.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { reportCommand } from '../../../src/commands/report';
import { type Database, openDatabase } from '../../../src/db/database';
import { createLogger } from '../../../src/log';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { startTestHub, type TestHub, testConfig } from '../../support/hub';
import { dossierRecord, seedAgencies, seedDossiers, seedListings } from './seed';

const log = createLogger('silent');
const role = `hub_reader_${randomBytes(4).toString('hex')}`;
let primary: TestDatabase;
let replica: TestDatabase;
let replicaUrl: string;
let database: Database;
let hub: TestHub;
let admin: Client;

/** n dossiers accepted in Q1 2021 at agency A.1, code prefix p. */
async function seed(db: TestDatabase, p: string, n: number) {
  const em = db.orm.em.fork();
  await seedAgencies(em, [{ code: 'A.1', name: 'Sở A', level: 'PROVINCE' }]);
  await seedListings(em, [
    {
      code: 'L.1',
      nationalCode: '1.000001',
      name: 'Thủ tục',
      sector: null,
      times: { DIRECT: [5, 'WORKING_DAY'] },
    },
  ]);
  await seedDossiers(
    em,
    Array.from({ length: n }, (_, i) =>
      dossierRecord({
        code: `${p}${i}`,
        agency: 'A.1',
        listing: 'L.1',
        nationalCode: '1.000001',
        channel: 'DIRECT',
        status: 'PROCESSING',
        accepted: `2021-03-0${i + 1} 09:00`,
        appointment: '2021-06-30 17:00',
      }),
    ),
  );
}

beforeAll(async () => {
  primary = await createTestDatabase();
  replica = await createTestDatabase();
  await seed(primary, 'P', 2);
  await seed(replica, 'R', 5);
  admin = new Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  await admin.query(`create role ${role} login password 'reader'`);
  const replicaDb = new URL(replica.url).pathname.slice(1);
  await admin.query(`grant connect on database ${replicaDb} to ${role}`);
  const grants = new Client({ connectionString: replica.url });
  await grants.connect();
  await grants.query(
    `grant usage on schema public to ${role}; grant select on all tables in schema public to ${role}`,
  );
  await grants.end();
  const u = new URL(replica.url);
  u.username = role;
  u.password = 'reader';
  replicaUrl = u.toString();
  database = await openDatabase(
    testConfig({ DATABASE_URL: primary.url, DATABASE_READ_URL: replicaUrl }),
    log,
    {
      migrate: false,
    },
  );
  hub = await startTestHub(primary, testConfig(), database.readOrm);
});

afterAll(async () => {
  await hub?.close();
  await database?.close();
  await replica?.drop();
  await primary?.drop();
  await admin?.query(`drop owned by ${role}`).catch(() => {});
  await admin?.query(`drop role if exists ${role}`).catch(() => {});
  await admin?.end();
});

describe('reports on the read replica', () => {
  it('the replica connection is the read-only role on the second database', async () => {
    expect(database.readOrm).not.toBeNull();
    const [who] = await database
      .readOrm!.em.fork()
      .execute<{ u: string; d: string }[]>('select current_user as u, current_database() as d');
    expect(who).toEqual({ u: role, d: new URL(replica.url).pathname.slice(1) });
    await expect(database.readOrm!.em.fork().execute(`delete from dossier`)).rejects.toThrow(
      /permission denied/,
    );
  });

  it('dossierReport and serviceIndex count the replica’s dossiers; the dossier list reads the primary', async () => {
    const r = await hub.gql<{
      dossierReport: { total: { received: number } };
      serviceIndex: { figures: { key: string; denominator: number }[] };
      dossiers: { totalCount: number };
    }>(`{
      dossierReport(period: "2021-Q1", groupBy: AGENCY) { total { received } }
      serviceIndex(period: "2021-Q1") { figures { key denominator } }
      dossiers { totalCount }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.dossierReport.total.received).toBe(5);
    expect(r.data!.serviceIndex.figures.find((f) => f.key === 'PROGRESS')!.denominator).toBe(5);
    expect(r.data!.dossiers.totalCount).toBe(2);
  });

  it('the console’s form 06 xlsx reads the replica', async () => {
    const res = await fetch(
      `${hub.url.replace(/\/graphql$/, '')}/export/dossier-report.xlsx?period=2021-Q1`,
      {
        headers: { 'x-api-key': 'test-admin-key-0123456789' },
      },
    );
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = book.worksheets[0]!;
    let total: number | null = null;
    sheet.eachRow((row) => {
      if (row.getCell(2).value === 'Tổng cộng') total = Number(row.getCell(4).value); // B label, D received
    });
    expect(total).toBe(5);
  });

  it('hub report dossiers reads DATABASE_READ_URL', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'hub-replica-')), 'q1.json');
    const config = testConfig({ DATABASE_URL: primary.url, DATABASE_READ_URL: replicaUrl });
    expect(await reportCommand(config, log, ['dossiers', '--period', '2021-Q1', '--out', out])).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).total.received).toBe(5);
  });
});
