import { foldDiacritics } from '../../domain/text';
import { splitBodies } from './bodies';
import { parseDeadline } from './deadline';
import type { ParsedPlan, PlanSectionText, PlanTaskText } from './plan.model';
import { PlanFileError } from './plan-file.error';
import { readPreamble } from './preamble';

/** One row of the plan's file: its cells as text and where it is (line or row number, 1-based). */
export interface PlanRow {
  line: number;
  cells: string[];
}

type Field = 'number' | 'content' | 'leads' | 'partners' | 'result' | 'deadline';

/** The table's columns, recognised by their folded header text (any order). */
const COLUMNS: { field: Field; header: string; folded: RegExp }[] = [
  { field: 'number', header: 'STT', folded: /^stt$/ },
  { field: 'content', header: 'Nội dung công việc', folded: /^noi dung/ },
  { field: 'leads', header: 'Cơ quan chủ trì thực hiện', folded: /chu tri/ },
  { field: 'partners', header: 'Cơ quan phối hợp thực hiện', folded: /phoi hop/ },
  { field: 'result', header: 'Kết quả công việc', folded: /^ket qua/ },
  { field: 'deadline', header: 'Thời gian', folded: /^thoi gian|^thoi han/ },
];

const SECTION = /^(I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s*(\S.*)$/;
const TASK_NUMBER = /^(\d{1,3})\.?$/;

interface Draft extends Record<Exclude<Field, 'number'>, string> {
  number: number;
  section: string;
  line: number;
}

/**
 * Reads the plan's table from rows in any of its published forms. The table starts at
 * the first `STT` header row; the header repeats on each page and is skipped; a row with
 * an empty `STT` cell continues the task above it (a cell broken across a page), each
 * cell joined to the same column with a space.
 */
export function parsePlanRows(
  rows: readonly PlanRow[],
  given: { year?: number; province?: string } = {},
): ParsedPlan {
  const headerAt = rows.findIndex((r) => isHeader(r.cells));
  if (headerAt < 0) {
    throw new PlanFileError(rows.at(-1)?.line ?? null, `a table header row starting with "STT"`);
  }
  const header = rows[headerAt]!;
  const columns = columnIndexes(header);
  const preamble = readPreamble(rows.slice(0, headerAt).flatMap((r) => r.cells.filter((c) => c.trim())));
  const { year, province } = yearAndProvince(given, preamble);

  const table: Table = { header, columns, sections: [], drafts: [], seen: new Map() };
  for (const row of rows.slice(headerAt + 1)) readRow(table, row);
  if (table.drafts.length === 0) throw new PlanFileError(rows.at(-1)?.line ?? null, 'at least one task row');
  return {
    year,
    province,
    title: preamble.title ?? `Kế hoạch năm ${year}`,
    decision: preamble.decision,
    sections: table.sections,
    tasks: table.drafts.map((d) => toTask(d, year)),
  };
}

/** The table read so far: its header, sections, tasks and the line each task number was on. */
interface Table {
  header: PlanRow;
  columns: Record<Field, number>;
  sections: PlanSectionText[];
  drafts: Draft[];
  seen: Map<number, number>;
}

/** The plan's year and province: as given, else from its title; either missing is refused. */
function yearAndProvince(
  given: { year?: number; province?: string },
  preamble: { year: number | null; province: string | null },
): { year: number; province: string } {
  const year = given.year ?? preamble.year;
  if (year === null) {
    throw new PlanFileError(null, 'the plan\'s year in its title ("… NĂM 2020 …"), or --year');
  }
  const province = given.province ?? preamble.province;
  if (province === null) {
    throw new PlanFileError(null, 'the province in the plan\'s title ("… TỈNH BÌNH ĐỊNH"), or --province');
  }
  return { year, province };
}

/** One row after the header: skipped (empty, a repeated header), a section, a continuation or a task. */
function readRow(table: Table, row: PlanRow): void {
  const { header, columns } = table;
  // A cell's own line breaks (bullets in a spreadsheet cell) carry no meaning for the table.
  const cells = row.cells.map((c) => c.normalize('NFC').replace(/\s+/g, ' ').trim());
  if (cells.every((c) => c === '') || isHeader(cells)) return;
  const first = cells[columns.number] ?? '';
  const section = SECTION.exec(first);
  if (section && cells.every((c, i) => i === columns.number || c === '')) {
    table.sections.push({ number: section[1]!, title: section[2]!.trim() });
    return;
  }
  if (cells.length < header.cells.length) {
    throw new PlanFileError(
      row.line,
      `${header.cells.length} cells (one per column: ${COLUMNS.map((c) => c.header).join(', ')})`,
      `${cells.length} cells`,
    );
  }
  if (first === '') continueTask(table, row, cells);
  else addTask(table, row, cells, first);
}

/** A row with an empty `STT` cell: each cell joined to the task above, column by column. */
function continueTask(table: Table, row: PlanRow, cells: string[]): void {
  const last = table.drafts.at(-1);
  if (!last) throw new PlanFileError(row.line, 'a task number in "STT" before any continued row');
  for (const { field } of COLUMNS) {
    if (field !== 'number') last[field] = join(last[field], cells[table.columns[field]]!);
  }
}

/** A row with a task number: a new task in the current section, its number not used before. */
function addTask(table: Table, row: PlanRow, cells: string[], first: string): void {
  const { columns, seen } = table;
  const number = TASK_NUMBER.exec(first);
  if (!number)
    throw new PlanFileError(row.line, 'a task number, a section (I. …) or an empty "STT" cell', first);
  const n = Number(number[1]);
  const earlier = seen.get(n);
  if (earlier !== undefined) {
    throw new PlanFileError(
      row.line,
      `a task number not used before (task ${n} is already on line ${earlier})`,
    );
  }
  const current = table.sections.at(-1);
  if (!current) throw new PlanFileError(row.line, `a section row (I. …) before task ${n}`);
  seen.set(n, row.line);
  table.drafts.push({
    number: n,
    section: current.number,
    line: row.line,
    content: cells[columns.content]!,
    leads: cells[columns.leads]!,
    partners: cells[columns.partners]!,
    result: cells[columns.result]!,
    deadline: cells[columns.deadline]!,
  });
}

function toTask(d: Draft, year: number): PlanTaskText {
  for (const [field, what] of [
    ['content', 'the task\'s content ("Nội dung công việc")'],
    ['leads', 'a lead body ("Cơ quan chủ trì thực hiện")'],
    ['deadline', 'a deadline ("Thời gian")'],
  ] as const) {
    if (d[field] === '') throw new PlanFileError(d.line, `${what} for task ${d.number}`, '');
  }
  const leads = splitBodies(d.leads);
  if (leads.length === 0) throw new PlanFileError(d.line, `a lead body for task ${d.number}`, d.leads);
  return {
    number: d.number,
    section: d.section,
    content: d.content,
    leadsText: d.leads,
    partnersText: d.partners,
    leads,
    partners: splitBodies(d.partners),
    expectedResult: d.result,
    deadlineText: d.deadline,
    deadline: parseDeadline(d.deadline, year),
    line: d.line,
  };
}

function join(a: string, b: string): string {
  if (b === '') return a;
  return a === '' ? b : `${a} ${b}`;
}

function isHeader(cells: readonly string[]): boolean {
  return foldDiacritics((cells[0] ?? '').trim()) === 'stt';
}

function columnIndexes(header: PlanRow): Record<Field, number> {
  const folded = header.cells.map((c) => foldDiacritics(c.normalize('NFC').replace(/\s+/g, ' ').trim()));
  const indexes = {} as Record<Field, number>;
  for (const column of COLUMNS) {
    const i = folded.findIndex((h) => column.folded.test(h));
    if (i < 0) {
      throw new PlanFileError(
        header.line,
        `a column "${column.header}" in the table header`,
        header.cells.join(' | '),
      );
    }
    indexes[column.field] = i;
  }
  return indexes;
}
