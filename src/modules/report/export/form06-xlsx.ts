/**
 * Form 06 as an xlsx laid out like the official form: a title with the period, the rule and
 * the agency; merged group headings over their columns, each heading Vietnamese with the
 * English beneath; one line per row, the total line last in bold; counts as numbers and
 * shares as percentages with one decimal. Landscape, fitted to one page wide, for printing.
 */
import ExcelJS from 'exceljs';
import type { DossierReport, DossierReportRow } from '../form06.types';
import { FORM06_GROUPS, type Form06Column, ROW_HEADINGS } from './form06-columns';

const HEADING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF7F8FA6' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const RULE_TEXT: Record<string, string> = {
  PROVINCIAL: 'Quy tắc tỉnh (PROVINCIAL: so sánh theo ngày)',
  NATIONAL: 'Quy tắc quốc gia (NATIONAL: so sánh theo thời điểm, trừ thời gian bổ sung)',
};

const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

export interface Form06XlsxOptions {
  /** What the title names as the agency: the filter's agencies, or the whole province. */
  agencyTitle: string;
  generatedAt: Date;
}

function heading(cell: ExcelJS.Cell, vi: string, en: string): void {
  cell.value = {
    richText: [
      { text: vi, font: { bold: true } },
      { text: `\n${en}`, font: { italic: true, color: { argb: 'FF555555' } } },
    ],
  };
  cell.fill = HEADING_FILL;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.border = BOX;
}

/**
 * One line of the table: its number (null on the total line, which also has no code and is
 * bold on grey), label, code and figures, each cell boxed and aligned (figures right).
 */
function writeLine(
  row: ExcelJS.Row,
  r: DossierReportRow,
  number: number | null,
  columns: Form06Column[],
): void {
  const isTotal = number === null;
  row.getCell(1).value = number;
  row.getCell(2).value = r.label;
  row.getCell(3).value = isTotal ? '' : r.key;
  columns.forEach((c, j) => {
    const cell = row.getCell(4 + j);
    cell.value = c.value(r);
    cell.numFmt = c.share ? '0.0%' : '#,##0';
  });
  for (let j = 1; j <= 3 + columns.length; j++) {
    const cell = row.getCell(j);
    cell.border = BOX;
    cell.alignment = { vertical: 'middle', wrapText: j === 2, horizontal: alignmentOf(j) };
    if (isTotal) {
      cell.font = { bold: true };
      cell.fill = TOTAL_FILL;
    }
  }
}

/** Figures (column 4 on) right, the line's number centred, its label and code left. */
function alignmentOf(column: number): 'right' | 'center' | 'left' {
  if (column >= 4) return 'right';
  return column === 1 ? 'center' : 'left';
}

export async function form06Xlsx(report: DossierReport, options: Form06XlsxOptions): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'tthc-hub';
  book.created = options.generatedAt;
  const sheet = book.addWorksheet('Biểu 06', {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 6, xSplit: 3 }],
  });
  const columns = FORM06_GROUPS.flatMap((g) => g.columns);
  const lastCol = 3 + columns.length;
  sheet.columns = [{ width: 6 }, { width: 34 }, { width: 16 }, ...columns.map(() => ({ width: 13 }))];

  const title = (row: number, text: string, size: number, bold: boolean) => {
    sheet.mergeCells(row, 1, row, lastCol);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = { size, bold };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  title(1, 'BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH (Biểu mẫu 06)', 14, true);
  title(2, 'Dossiers received and resolved (form 06)', 11, false);
  title(
    3,
    `Kỳ báo cáo (period): ${dmy(report.from)} – ${dmy(report.to)}   ·   ${RULE_TEXT[report.rule]}   ·   Cơ quan (agency): ${options.agencyTitle}`,
    11,
    false,
  );
  sheet.getRow(3).height = 30;

  // Rows 5–6: group headings (merged across their columns) over the column headings;
  // the first three columns span both rows.
  const rowHeading = ROW_HEADINGS[report.groupBy]!;
  const fixed: [string, string][] = [
    ['STT', 'No.'],
    [rowHeading.vi, rowHeading.en],
    ['Mã', 'Code'],
  ];
  fixed.forEach(([vi, en], i) => {
    sheet.mergeCells(5, i + 1, 6, i + 1);
    heading(sheet.getCell(5, i + 1), vi, en);
  });
  let col = 4;
  for (const group of FORM06_GROUPS) {
    sheet.mergeCells(5, col, 5, col + group.columns.length - 1);
    heading(sheet.getCell(5, col), group.vi, group.en);
    for (const c of group.columns) heading(sheet.getCell(6, col++), c.vi, c.en);
  }
  sheet.getRow(5).height = 34;
  sheet.getRow(6).height = 64;

  const lines = [...report.rows, report.total];
  lines.forEach((r, i) => {
    writeLine(sheet.getRow(7 + i), r, i === lines.length - 1 ? null : i + 1, columns);
  });
  const foot = 7 + lines.length + 1;
  sheet.mergeCells(foot, 1, foot, lastCol);
  sheet.getCell(foot, 1).value =
    `Ghi chú (notes): ngày theo giờ Việt Nam (UTC+7); tỷ lệ đúng hạn = (trước hạn + đúng hạn) / đã giải quyết. Lập lúc (generated) ${options.generatedAt.toISOString()}.`;
  sheet.getCell(foot, 1).font = { italic: true, size: 9 };
  return Buffer.from(await book.xlsx.writeBuffer());
}
