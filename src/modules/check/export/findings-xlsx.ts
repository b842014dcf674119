/**
 * Open findings as an xlsx an auditor can hand on: a summary sheet (counts by kind and
 * severity) and one sheet per kind, each with frozen two-row headings (Vietnamese, the
 * English beneath), set widths, wrapped long values and an autofilter.
 */
import ExcelJS from 'exceljs';
import { FINDING_KINDS, SEVERITIES } from '../../../domain/finding';
import { cellText, EXPORT_COLUMNS, type ExportFinding } from './columns';

const HEADING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } };
const KIND_VI: Record<string, string> = {
  MISSING_IN_PROVINCE: 'Chưa công bố tại tỉnh',
  MISSING_IN_NATIONAL: 'Không có trong CSDL quốc gia',
  ABOLISHED_BUT_LISTED: 'Đã bãi bỏ nhưng còn công khai',
  NAME_MISMATCH: 'Tên thủ tục khác nhau',
  PROCESSING_TIME_MISMATCH: 'Thời hạn giải quyết khác nhau',
  FEE_MISMATCH: 'Phí, lệ phí khác nhau',
  LEVEL_MISMATCH: 'Cấp thực hiện khác nhau',
  ONLINE_LEVEL_MISMATCH: 'Mức độ trực tuyến không khớp',
  LEGAL_BASIS_MISMATCH: 'Căn cứ pháp lý khác nhau',
  PUBLICATION_LATE: 'Công bố chậm quá 5 ngày làm việc',
  DUPLICATE_LISTING: 'Công khai trùng lặp',
  DOSSIER_UNKNOWN_PROCEDURE: 'Hồ sơ của thủ tục không xác định',
  DOSSIER_ON_ABOLISHED_PROCEDURE: 'Hồ sơ tiếp nhận sau khi bãi bỏ',
  FEEDBACK_UNKNOWN_REFERENCE: 'PAKN tham chiếu không xác định',
};

function headings(sheet: ExcelJS.Worksheet, vi: string[], en: string[]): void {
  const top = sheet.addRow(vi);
  const below = sheet.addRow(en);
  top.font = { bold: true };
  // Two lines, so a heading that wraps in a narrow column stays inside its row.
  top.height = 30;
  below.font = { italic: true, color: { argb: 'FF555555' } };
  for (const row of [top, below]) {
    row.eachCell((cell) => {
      cell.fill = HEADING_FILL;
      cell.alignment = { vertical: 'middle', wrapText: true };
      cell.border = { bottom: { style: 'thin', color: { argb: 'FF9AAFC7' } } };
    });
  }
}

const OPEN_SCOPE = 'Các phát hiện chưa giải quyết (open findings: every status but RESOLVED)';

function summarySheet(
  book: ExcelJS.Workbook,
  findings: readonly ExportFinding[],
  generatedAt: Date,
  scope: string,
): void {
  const sheet = book.addWorksheet('Tổng hợp', { views: [{ state: 'frozen', ySplit: 2, xSplit: 0 }] });
  const vi = ['Loại sai lệch', 'Mô tả', ...SEVERITIES.map((s) => `Mức ${s}`), 'Tổng'];
  const en = ['Kind', 'Description (vi)', ...SEVERITIES, 'Total'];
  headings(sheet, vi, en);
  sheet.columns = [{ width: 34 }, { width: 36 }, ...SEVERITIES.map(() => ({ width: 12 })), { width: 10 }];
  for (const kind of FINDING_KINDS) {
    const mine = findings.filter((f) => f.kind === kind);
    sheet.addRow([
      kind,
      KIND_VI[kind] ?? '',
      ...SEVERITIES.map((s) => mine.filter((f) => f.severity === s).length),
      mine.length,
    ]);
  }
  const total = sheet.addRow([
    'Tổng cộng (Total)',
    '',
    ...SEVERITIES.map((s) => findings.filter((f) => f.severity === s).length),
    findings.length,
  ]);
  total.font = { bold: true };
  sheet.addRow([]);
  sheet.addRow(['Lập lúc (Generated at)', cellText(generatedAt)]);
  sheet.addRow(['Phạm vi (Scope)', scope]).alignment = { wrapText: true, vertical: 'top' };
  sheet.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  sheet.autoFilter = {
    from: { row: 2, column: 1 },
    to: { row: 2 + FINDING_KINDS.length, column: en.length },
  };
}

function kindSheet(book: ExcelJS.Workbook, kind: string, findings: readonly ExportFinding[]): void {
  const sheet = book.addWorksheet(kind.slice(0, 31), { views: [{ state: 'frozen', ySplit: 2, xSplit: 1 }] });
  headings(
    sheet,
    EXPORT_COLUMNS.map((c) => c.vi),
    EXPORT_COLUMNS.map((c) => c.en),
  );
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ width: c.width }));
  for (const f of findings) {
    const cells = EXPORT_COLUMNS.map((c) => cellText(f[c.key]));
    const row = sheet.addRow(cells);
    row.alignment = { vertical: 'top', wrapText: true };
    // Spreadsheet programs do not grow a row for wrapped text written by a library: give
    // it the height of its longest cell, so wrapped lines never overlap the next row.
    const lines = Math.max(
      1,
      ...cells.map((text, i) => Math.ceil(text.length / (EXPORT_COLUMNS[i]!.width * 1.1))),
    );
    row.height = 15 * lines;
  }
  sheet.autoFilter = {
    from: { row: 2, column: 1 },
    to: { row: 2 + Math.max(findings.length, 1), column: EXPORT_COLUMNS.length },
  };
  // A3 landscape, one page wide, the headings repeated on every page.
  sheet.pageSetup = {
    paperSize: 8 as ExcelJS.PaperSize, // A3 in OOXML; exceljs names no A3
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:2',
  };
}

/** `scope` says which findings these are (default: the open ones, as `hub check` exports). */
export async function findingsXlsx(
  findings: readonly ExportFinding[],
  generatedAt = new Date(),
  scope = OPEN_SCOPE,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'tthc-hub';
  book.created = generatedAt;
  summarySheet(book, findings, generatedAt, scope);
  for (const kind of FINDING_KINDS) {
    const mine = findings.filter((f) => f.kind === kind);
    if (mine.length) kindSheet(book, kind, mine);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
