import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { type PlanReport, REPORT_COLUMNS } from './rows';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } };
const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const STATUS_COLOUR: Record<string, string> = {
  'Hoàn thành': 'FF1E7B34',
  'Đúng tiến độ': 'FF1E7B34',
  'Có nguy cơ chậm': 'FFB45F06',
  'Không đạt': 'FFC00000',
};

/** CSV with a BOM, so a spreadsheet opens the Vietnamese text as UTF-8. */
export function planReportCsv(report: PlanReport): Buffer {
  const records = [
    [report.title],
    ...report.lines.map((l) => [l]),
    [],
    REPORT_COLUMNS.map((c) => c.header),
    ...report.rows.map((r) => (r.kind === 'section' ? [`${r.number}. ${r.title}`] : r.cells)),
  ];
  return Buffer.from(`\uFEFF${stringify(records, { record_delimiter: '\r\n' })}`, 'utf8');
}

/** The plan's table on one landscape A4 sheet: title, header repeated on each printed page, sections across. */
export async function planReportXlsx(report: PlanReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Kế hoạch', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  });
  sheet.columns = REPORT_COLUMNS.map((c) => ({ width: c.width }));
  const width = REPORT_COLUMNS.length;
  const across = (text: string, font: Partial<ExcelJS.Font>) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    row.getCell(1).font = font;
    return row;
  };
  across(report.title, { bold: true, size: 12 }).height = 34;
  for (const line of report.lines) across(line, { italic: true });
  sheet.addRow([]);
  const header = sheet.addRow(REPORT_COLUMNS.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = 32;
  sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  for (const r of report.rows) {
    if (r.kind === 'section') {
      const row = sheet.addRow([`${r.number}. ${r.title}`]);
      sheet.mergeCells(row.number, 1, row.number, width);
      const cell = row.getCell(1);
      cell.font = { bold: true };
      cell.fill = SECTION_FILL;
      cell.border = THIN;
      cell.alignment = { vertical: 'middle', wrapText: true };
      row.height = 30;
      continue;
    }
    const row = sheet.addRow(r.cells);
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.border = THIN;
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: col === 1 ? 'center' : 'left' };
    });
    const status = row.getCell(width);
    status.font = { bold: true, color: { argb: STATUS_COLOUR[r.cells[width - 1]!] ?? 'FF555555' } };
    // LibreOffice and Excel do not grow merged or wrapped rows by themselves on open.
    row.height = Math.max(
      30,
      15 * Math.max(...r.cells.map((c, i) => lineCount(c, REPORT_COLUMNS[i]!.width))),
    );
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Lines a wrapped cell takes at a column width (characters), for the row height. */
function lineCount(text: string, width: number): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / (width * 1.1))), 0);
}
