/** `hub report dossiers` on the golden fixture: JSON, CSV and the xlsx in the official form's layout. */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../../../src/commands/report';
import { createLogger } from '../../../src/log';
import * as golden from '../../fixtures/report/form06-golden';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { testConfig } from '../../support/hub';
import { dossierRecord, seedAgencies, seedDossiers, seedListings } from './seed';

let db: TestDatabase;
const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-report-'));
const log = createLogger('silent');
const run = (...args: string[]) =>
  reportCommand(testConfig({ DATABASE_URL: db.url }), log, ['dossiers', ...args]);

beforeAll(async () => {
  db = await createTestDatabase();
  const em = db.orm.em.fork();
  await seedAgencies(em, golden.agencies);
  await seedListings(em, golden.listings);
  await seedDossiers(em, golden.dossiers.map(dossierRecord));
});
afterAll(() => db?.drop());

describe('hub report dossiers', () => {
  it('JSON: the same report as the graph', async () => {
    const out = path.join(dir, 'q1.json');
    expect(await run('--period', '2020-Q1', '--rule', 'national', '--format', 'json', '--out', out)).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.rule).toBe('NATIONAL');
    expect(report.total.received).toBe(golden.totalNational.figures.received);
    expect(report.total.resolvedLate).toBe(golden.totalNational.figures.resolvedLate);
  });

  it('CSV: one line per row and the total, shares as percentages with one decimal', async () => {
    const out = path.join(dir, 'q1.csv');
    expect(
      await run(
        '--from',
        '2020-01-01',
        '--to',
        '2020-03-31',
        '--by',
        'agency',
        '--roll-up',
        '--format',
        'csv',
        '--out',
        out,
      ),
    ).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1 + 3 + 1);
    expect(lines[0]!.startsWith('key,label,received,carriedOver')).toBe(true);
    expect(lines[2]).toContain(`${golden.B},UBND huyện Yên Lạc,9,`); // rolled up over its commune
    expect(lines[4]!.startsWith('TOTAL,Tổng cộng,16,')).toBe(true);
    expect(lines[1]!.endsWith(',20.0,100.0')).toBe(true); // A: 1 of 5 new online; 4 of 4 on time (PROVINCIAL)
  });

  it('xlsx: title, merged group headings in two languages, numbers and percentages', async () => {
    const out = path.join(dir, 'q1.xlsx');
    expect(
      await run('--period', '2020-Q1', '--format', 'xlsx', '--out', out, '--agency', golden.B, '--roll-up'),
    ).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('Biểu 06')!;
    expect(String(sheet.getCell('A3').value)).toContain('01/01/2020 – 31/03/2020');
    expect(String(sheet.getCell('A3').value)).toContain('PROVINCIAL');
    expect(String(sheet.getCell('A3').value)).toContain('UBND huyện Yên Lạc (000.10.20.H21)');
    const text = (addr: string) => {
      const v = sheet.getCell(addr).value as { richText?: { text: string }[] } | string;
      return typeof v === 'object' && v?.richText ? v.richText.map((t) => t.text).join('') : String(v);
    };
    expect(text('D5')).toBe('Số hồ sơ nhận giải quyết\nReceived');
    expect(sheet.getCell('G5').isMerged && sheet.getCell('G5').master.address).toBe('D5');
    expect(text('H5')).toBe('Số hồ sơ đã giải quyết\nResolved');
    expect(text('G6')).toBe('Mới tiếp nhận trực tiếp, bưu chính\nNew direct or postal');
    // The filter keeps B's subtree: rows B and C, then the total.
    expect(sheet.getCell('C7').value).toBe(golden.B);
    expect(sheet.getCell('D7').value).toBe(9);
    expect(sheet.getCell('G7').value).toBe(5); // new direct 4 + postal 1
    expect(sheet.getCell('C8').value).toBe(golden.C);
    expect(sheet.getCell('B9').value).toBe('Tổng cộng');
    expect(sheet.getCell('D9').value).toBe(9);
    const onTime = sheet.getCell(9, 4 + 4 + 4 + 3 + 5);
    expect(onTime.numFmt).toBe('0.0%');
    expect(onTime.value).toBeCloseTo(3 / 4, 12); // D08, D10, D11 of D07, D08, D10, D11
  });

  it('bad arguments: exit 2, nothing written', async () => {
    expect(await run('--period', '2020', '--from', '2020-01-01', '--to', '2020-01-31')).toBe(2);
    expect(await run('--period', '2020-Q9')).toBe(2);
    expect(await run('--period', '2020', '--by', 'ward')).toBe(2);
    expect(await run('--period', '2020', '--format', 'xlsx')).toBe(2);
  });
});
