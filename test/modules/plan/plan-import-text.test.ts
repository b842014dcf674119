import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ParsedPlan, PlanFileError, readPlanFile } from '../../../src/modules/plan';
import { REFERENCE_FILE, REFERENCE_SECTIONS, REFERENCE_TASKS } from './reference-plan';

const reference = readFileSync(REFERENCE_FILE, 'utf8');

async function parse(text: string): Promise<ParsedPlan> {
  return readPlanFile('plan.txt', Buffer.from(text, 'utf8'));
}

function bodies(list: ParsedPlan['tasks'][number]['leads']): [string, string, string | null][] {
  return list.map((b) => [b.text, b.kind, b.level]);
}

describe('the reference plan as tab-separated text', () => {
  it('has 20 tasks numbered 1–20 in five sections I–V', async () => {
    const plan = await parse(reference);
    expect(plan.year).toBe(2020);
    expect(plan.province).toBe('Bình Định');
    expect(plan.title).toMatch(
      /^KẾ HOẠCH HOẠT ĐỘNG KIỂM SOÁT THỦ TỤC HÀNH CHÍNH .* NĂM 2020 TRÊN ĐỊA BÀN TỈNH BÌNH ĐỊNH$/,
    );
    expect(plan.decision).toBe(
      'Ban hành theo Quyết định số: /QĐ-UBND ngày tháng 02 năm 2020 của UBND tỉnh Bình Định',
    );
    expect(plan.sections.map((s) => [s.number, s.title])).toEqual(REFERENCE_SECTIONS.map((s) => [...s]));
    expect(plan.tasks.map((t) => t.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const perSection = plan.tasks.reduce<Record<string, number>>((acc, t) => {
      acc[t.section] = (acc[t.section] ?? 0) + 1;
      return acc;
    }, {});
    expect(perSection).toEqual({ I: 5, II: 2, III: 2, IV: 7, V: 4 });
  });

  it.each(
    REFERENCE_TASKS.map((t) => [t.number, t] as const),
  )('task %i field by field', async (number, expected) => {
    const task = (await parse(reference)).tasks.find((t) => t.number === number)!;
    expect(task.section).toBe(expected.section);
    expect(task.content).toBe(expected.content);
    expect(bodies(task.leads)).toEqual(expected.leads);
    expect(bodies(task.partners)).toEqual(expected.partners);
    expect(task.expectedResult).toBe(expected.expectedResult);
    expect(task.deadlineText).toBe(expected.deadlineText);
    expect(task.deadline).toEqual(expected.deadline);
  });

  it("keeps a body's scope note apart from its name", async () => {
    const task3 = (await parse(reference)).tasks.find((t) => t.number === 3)!;
    expect(task3.leads.map((b) => b.note)).toEqual([
      'đối với Cổng thông tin điện tử của tỉnh, Cổng dịch vụ công trực tuyến của tỉnh',
      'đối với Trang thông tin điện tử của cơ quan, đơn vị',
      'đối với Trang thông tin điện tử của cơ quan, đơn vị',
    ]);
  });

  it('reads CRLF line ends and a byte-order mark the same way', async () => {
    const windows = `\uFEFF${reference.replace(/\n/g, '\r\n')}`;
    const a = await parse(reference);
    const b = await parse(windows);
    expect(b.tasks.map((t) => [t.content, t.expectedResult])).toEqual(
      a.tasks.map((t) => [t.content, t.expectedResult]),
    );
  });
});

/** The line (1-based) of the reference file that starts with `prefix`. */
function lineOf(text: string, prefix: string, nth = 0): number {
  const lines = text.split('\n');
  const found = lines.map((l, i) => (l.startsWith(prefix) ? i + 1 : 0)).filter(Boolean);
  return found[nth]!;
}

async function refusal(text: string): Promise<PlanFileError> {
  const error = await parse(text).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlanFileError);
  return error as PlanFileError;
}

describe('a broken plan file is refused with the line and what was expected', () => {
  it('a missing column', async () => {
    const header =
      'STT\tNội dung công việc\tCơ quan chủ trì thực hiện\tCơ quan phối hợp thực hiện\tKết quả công việc\tThời gian';
    const first = reference.indexOf(header);
    const broken = `${reference.slice(0, first)}STT\tNội dung công việc\tCơ quan chủ trì thực hiện\tCơ quan phối hợp thực hiện\tKết quả công việc${reference.slice(first + header.length)}`;
    const error = await refusal(broken);
    expect(error.line).toBe(lineOf(reference, 'STT\t'));
    expect(error.message).toContain('"Thời gian"');
    expect(error.message).toMatch(/^line \d+: expected a column "Thời gian" in the table header/);
  });

  it('a task number twice', async () => {
    const broken = reference.replace('\n8\tCông khai địa chỉ', '\n7\tCông khai địa chỉ');
    const error = await refusal(broken);
    expect(error.line).toBe(lineOf(broken, '7\t', 1));
    expect(error.message).toContain(`task 7 is already on line ${lineOf(broken, '7\t', 0)}`);
  });

  it('an empty deadline cell', async () => {
    const broken = reference.replace('\tTrước tháng 5/2020', '\t');
    const error = await refusal(broken);
    expect(error.line).toBe(lineOf(reference, '6\t'));
    expect(error.message).toContain('a deadline ("Thời gian") for task 6');
  });

  it('a task row with a cell too few', async () => {
    const broken = reference.replace('\tQuý II/2020', '');
    const error = await refusal(broken);
    expect(error.line).toBe(lineOf(reference, '11\t'));
    expect(error.message).toContain('expected 6 cells');
  });

  it('no table at all', async () => {
    const error = await refusal('KẾ HOẠCH\nNĂM 2020 TỈNH BÌNH ĐỊNH\n');
    expect(error.expected).toContain('"STT"');
  });

  it('a task before any section', async () => {
    const broken = reference.replace(/\nI\. Công bố[^\n]*/, '');
    const error = await refusal(broken);
    expect(error.message).toContain('a section row (I. …) before task 1');
  });

  it('text in the STT column that is neither a task nor a section', async () => {
    const broken = reference.replace('\n9\tHướng dẫn', '\n9a\tHướng dẫn');
    const error = await refusal(broken);
    expect(error.line).toBe(lineOf(reference, '9\t'));
    expect(error.message).toContain('found "9a"');
  });
});
