/**
 * `hub check` as a person runs it: a JSON summary on stdout, and with --format/--out the
 * open findings in a file (read back here with exceljs and csv-parse, not our own code).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { spawnHub } from '../support/process';

describe('hub check', () => {
  let db: TestDatabase;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-check-'));
  const env = () => ({
    DATABASE_URL: db.url,
    HUB_SIMULATE: '1',
    SIM_PROCEDURES: '60',
    SIM_DOSSIERS: '200',
    SIM_FEEDBACKS: '60',
    LOG_LEVEL: 'silent',
  });
  const openCount = async () =>
    Number(
      (
        await db.orm.em
          .fork()
          .execute<{ n: string }[]>(`select count(*) n from finding where status <> 'RESOLVED'`)
      )[0]!.n,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('skips every kind, saying why, before anything was synced', async () => {
    const hub = spawnHub(['check'], env());
    expect(await hub.exited).toBe(0);
    const summary = JSON.parse(hub.stdout());
    expect(summary.status).toBe('SUCCEEDED');
    expect(summary.kindsRan).toEqual([]);
    expect(summary.kindsSkipped).toHaveLength(14);
    expect(summary.kindsSkipped[0].reason).toMatch(/was never synced/);
  }, 120_000);

  it('after the syncs, finds and writes the open findings as xlsx: summary sheet, one sheet per kind', async () => {
    const sync = spawnHub(['sync', 'all'], env());
    expect(await sync.exited).toBe(0);
    const out = path.join(dir, 'findings.xlsx');
    const hub = spawnHub(['check', '--format', 'xlsx', '--out', out], env());
    expect(await hub.exited).toBe(0);
    const summary = JSON.parse(hub.stdout());
    expect(summary).toMatchObject({ status: 'SUCCEEDED', trigger: 'CLI', kindsSkipped: [] });
    expect(summary.opened).toBeGreaterThan(0);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const [first, ...kinds] = book.worksheets;
    expect(first!.name).toBe('Tổng hợp');
    const rows = kinds.reduce((n, s) => n + s.rowCount - 2, 0);
    expect(rows).toBe(await openCount());
    for (const sheet of kinds) {
      expect(sheet.getRow(1).getCell(1).value).toBe('Mã phát hiện');
      expect(sheet.getRow(2).getCell(1).value).toBe('Finding id');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.getColumn(10).width).toBeGreaterThan(20);
      // Every row of a kind's sheet is of that kind.
      for (let r = 3; r <= sheet.rowCount; r++) expect(sheet.getRow(r).getCell(2).value).toBe(sheet.name);
    }
    const total = first!.getRow(2 + 14 + 1);
    expect(total.getCell(1).value).toBe('Tổng cộng (Total)');
    expect(total.getCell(7).value).toBe(rows);
  }, 180_000);

  it('writes the same open findings as CSV, both values side by side', async () => {
    const out = path.join(dir, 'findings.csv');
    const hub = spawnHub(['check', '--format', 'csv', '--out', out], env());
    expect(await hub.exited).toBe(0);
    expect(JSON.parse(hub.stdout())).toMatchObject({ opened: 0, reopened: 0, resolved: 0 });
    const records = parse(readFileSync(out, 'utf8'), { bom: true }) as string[][];
    const [header, ...rows] = records;
    expect(header).toContain('Giá trị CSDL quốc gia (National value)');
    expect(header).toContain('Giá trị cổng tỉnh (iGate) (Provincial value)');
    expect(rows).toHaveLength(await openCount());
  }, 120_000);

  it('refuses a format it cannot write', async () => {
    const hub = spawnHub(['check', '--format', 'pdf', '--out', path.join(dir, 'x.pdf')], env());
    expect(await hub.exited).toBe(2);
    expect(hub.stderr()).toContain('--format takes csv or xlsx');
  }, 60_000);
});
