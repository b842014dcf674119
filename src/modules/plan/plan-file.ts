import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { ParsedPlan } from './plan.model';
import { PlanFileError } from './plan-file.error';
import { type PlanRow, parsePlanRows } from './plan-table';

export type PlanFileFormat = 'text' | 'csv' | 'xlsx';

/** The form of a plan file, by its name; xlsx is also recognised by its zip signature. */
export function planFileFormat(name: string, content: Buffer): PlanFileFormat {
  if (content.subarray(0, 4).equals(Buffer.from('PK\u0003\u0004', 'latin1'))) return 'xlsx';
  if (/\.csv$/i.test(name)) return 'csv';
  if (/\.xlsx$/i.test(name)) return 'xlsx';
  return 'text';
}

/** Reads a plan file in any of its published forms (see parsePlanRows). */
export async function readPlanFile(
  name: string,
  content: Buffer,
  given: { year?: number; province?: string } = {},
): Promise<ParsedPlan> {
  const format = planFileFormat(name, content);
  const rows =
    format === 'xlsx' ? await xlsxRows(content) : format === 'csv' ? csvRows(content) : textRows(content);
  return parsePlanRows(rows, given);
}

/** Tab-separated text as copied from the published document: one row per line. */
export function textRows(content: Buffer | string): PlanRow[] {
  const text = decodeUtf8(content);
  return text.split(/\r\n|\n|\r/).map((line, i) => ({ line: i + 1, cells: line.split('\t') }));
}

/** CSV with quoted cells (a cell may hold commas, quotes and line breaks). */
export function csvRows(content: Buffer | string): PlanRow[] {
  try {
    const records = parseCsv(decodeUtf8(content), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    // `info.lines` is the line a record ends on; a record spanning lines starts earlier.
    let line = 1;
    return records.map(({ record, info }) => {
      const row = { line, cells: record };
      line = info.lines + 1;
      return row;
    });
  } catch (cause) {
    const lines = (cause as { lines?: number }).lines ?? null;
    throw new PlanFileError(lines, `CSV (${(cause as Error).message})`);
  }
}

/** The first worksheet of an xlsx workbook; a row's `line` is its row number. */
export async function xlsxRows(content: Buffer): Promise<PlanRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (cause) {
    throw new PlanFileError(null, `an xlsx workbook (${(cause as Error).message})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new PlanFileError(null, 'a worksheet in the xlsx workbook');
  const rows: PlanRow[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)));
    rows.push({ line: number, cells });
  });
  return rows;
}

function cellText(cell: ExcelJS.Cell): string {
  // A merged cell repeats its master's value in every cell it covers; only the master counts.
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return cell.text;
}

function decodeUtf8(content: Buffer | string): string {
  const text =
    typeof content === 'string' ? content : new TextDecoder('utf-8', { fatal: false }).decode(content);
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
