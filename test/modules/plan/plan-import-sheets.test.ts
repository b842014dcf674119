import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type ParsedPlan, PlanFileError, readPlanFile } from '../../../src/modules/plan';
import { REFERENCE_FILE, REFERENCE_TASKS } from './reference-plan';

/** The plan as a spreadsheet: one row per task, bullets on their own lines in a cell. */
const CSV_FILE = 'test/fixtures/plan/binh-dinh-2020.csv';

function checkReferenceTasks(plan: ParsedPlan): void {
  expect(plan.year).toBe(2020);
  expect(plan.province).toBe('Bình Định');
  expect(plan.sections.map((s) => s.number)).toEqual(['I', 'II', 'III', 'IV', 'V']);
  expect(plan.tasks).toHaveLength(20);
  for (const expected of REFERENCE_TASKS) {
    const task = plan.tasks.find((t) => t.number === expected.number)!;
    expect({
      number: task.number,
      section: task.section,
      content: task.content,
      leads: task.leads.map((b) => [b.text, b.kind, b.level]),
      partners: task.partners.map((b) => [b.text, b.kind, b.level]),
      expectedResult: task.expectedResult,
      deadlineText: task.deadlineText,
      deadline: task.deadline,
    }).toEqual(expected);
  }
}

describe('the reference plan as CSV', () => {
  const csv = readFileSync(CSV_FILE);

  it('imports into the same 20 tasks, multi-line quoted cells included', async () => {
    checkReferenceTasks(await readPlanFile('plan.csv', csv));
  });

  it('names the line a task row starts on, counting the lines inside quoted cells', async () => {
    const text = csv.toString('utf8');
    const broken = text.replace('\r\n9,', '\r\n8,');
    const error = (await readPlanFile('plan.csv', Buffer.from(broken)).catch(
      (e: unknown) => e,
    )) as PlanFileError;
    expect(error).toBeInstanceOf(PlanFileError);
    const secondEight = broken.indexOf('\r\n8,', broken.indexOf('\r\n8,') + 1);
    const physicalLine = broken.slice(0, secondEight).split(/\r\n|\n/).length + 1;
    expect(physicalLine).toBe(30); // the fixture's line of task 9, read in an editor
    expect(error.line).toBe(physicalLine);
    expect(error.message).toContain('task 8 is already on line');
  });

  it('refuses a quote that never closes, naming CSV', async () => {
    const error = await readPlanFile('plan.csv', Buffer.from('STT,"Nội dung\n1,2')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanFileError);
    expect((error as Error).message).toMatch(/expected CSV/);
  });
});

/** A workbook laid out like the printed plan: page-broken rows, merged section rows, numeric task numbers. */
async function referenceWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Kế hoạch');
  sheet.addRow(['KẾ HOẠCH']);
  sheet.addRow(['HOẠT ĐỘNG KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2020 TRÊN ĐỊA BÀN TỈNH BÌNH ĐỊNH']);
  const lines = readFileSync(REFERENCE_FILE, 'utf8').split('\n');
  const tableStart = lines.findIndex((l) => l.startsWith('STT\t'));
  for (const line of lines.slice(tableStart)) {
    if (line.trim() === '') continue;
    const cells: (string | number)[] = line.split('\t');
    if (/^\d+$/.test(String(cells[0]))) cells[0] = Number(cells[0]);
    const row = sheet.addRow(cells);
    if (/^[IVX]+\. /.test(String(cells[0]))) sheet.mergeCells(row.number, 1, row.number, 6);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('the reference plan as xlsx', () => {
  it('imports into the same 20 tasks, page breaks and merged section rows included', async () => {
    const plan = await readPlanFile('plan.xlsx', await referenceWorkbook());
    checkReferenceTasks(plan);
    expect(plan.sections[3]!.title).toBe(
      'Thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết TTHC và cung cấp dịch vụ công trực tuyến mức độ 3, mức độ 4',
    );
  });

  it('is recognised by its content whatever its name', async () => {
    const plan = await readPlanFile('plan.bin', await referenceWorkbook());
    expect(plan.tasks).toHaveLength(20);
  });

  it('refuses a file that is not a workbook', async () => {
    const error = await readPlanFile('plan.xlsx', Buffer.from('PK\u0003\u0004 not a zip', 'latin1')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PlanFileError);
    expect((error as Error).message).toMatch(/expected an xlsx workbook/);
  });
});
