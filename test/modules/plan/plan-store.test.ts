import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  importPlanFile,
  type ParsedPlan,
  PlanFileError,
  planOfYear,
  planVersions,
  readPlanFile,
  storePlan,
} from '../../../src/modules/plan';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { seedAgencies } from './agencies';
import { REFERENCE_FILE } from './reference-plan';

const reference = readFileSync(REFERENCE_FILE);
const csv = readFileSync('test/fixtures/plan/binh-dinh-2020.csv');

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());
beforeEach(() => db.truncate());

const em = () => db.orm.em.fork();

async function counts(): Promise<{ plans: number; tasks: number }> {
  const [row] = await em().execute<{ plans: string; tasks: string }[]>(
    'select (select count(*) from plan) as plans, (select count(*) from plan_task) as tasks',
  );
  return { plans: Number(row!.plans), tasks: Number(row!.tasks) };
}

describe('storing the plan', () => {
  it('stores the reference plan as version 1 with its 20 tasks and parsed deadlines', async () => {
    const report = await importPlanFile(em(), 'binh-dinh-2020.txt', reference);
    expect(report).toMatchObject({ outcome: 'CREATED', version: 1, tasks: 20, sections: 5, year: 2020 });
    const plan = (await planOfYear(em(), 2020))!;
    expect(plan.province).toBe('Bình Định');
    expect(plan.sections.map((s) => s.number)).toEqual(['I', 'II', 'III', 'IV', 'V']);
    expect(plan.tasks).toHaveLength(20);
    const t7 = plan.tasks.find((t) => t.number === 7)!;
    expect(t7.deadline).toEqual({
      kind: 'MONTH_RANGE',
      from: '2020-01-01',
      to: '2020-08-31',
      workingDays: null,
    });
    expect(plan.tasks.find((t) => t.number === 1)!.deadline.workingDays).toBe(5);
  });

  it('a re-import of the same file changes nothing, nor the same table as CSV', async () => {
    await importPlanFile(em(), 'binh-dinh-2020.txt', reference);
    const before = await em().execute('select * from plan order by id');
    const again = await importPlanFile(em(), 'binh-dinh-2020.txt', reference);
    const asCsv = await importPlanFile(em(), 'binh-dinh-2020.csv', csv);
    expect(again).toMatchObject({ outcome: 'UNCHANGED', version: 1 });
    expect(asCsv).toMatchObject({ outcome: 'UNCHANGED', version: 1 });
    expect(await em().execute('select * from plan order by id')).toEqual(before);
    expect(await counts()).toEqual({ plans: 1, tasks: 20 });
  });

  it('a changed file makes a new version and keeps the old one', async () => {
    await importPlanFile(em(), 'binh-dinh-2020.txt', reference);
    const changed = Buffer.from(reference.toString('utf8').replace('\tQuý II/2020', '\tQuý III/2020'));
    const report = await importPlanFile(em(), 'binh-dinh-2020-v2.txt', changed);
    expect(report).toMatchObject({ outcome: 'CREATED', version: 2 });
    expect((await planVersions(em(), 'Bình Định', 2020)).map((p) => [p.version, p.sourceName])).toEqual([
      [1, 'binh-dinh-2020.txt'],
      [2, 'binh-dinh-2020-v2.txt'],
    ]);
    const current = (await planOfYear(em(), 2020))!;
    expect(current.version).toBe(2);
    expect(current.tasks.find((t) => t.number === 11)!.deadline).toMatchObject({
      kind: 'QUARTER',
      from: '2020-07-01',
      to: '2020-09-30',
    });
    expect(await counts()).toEqual({ plans: 2, tasks: 40 });
  });

  it('a broken file is refused and the stored plan is unchanged', async () => {
    await importPlanFile(em(), 'binh-dinh-2020.txt', reference);
    const before = await em().execute('select * from plan_task order by id');
    const broken = Buffer.from(reference.toString('utf8').replace('\tTrước tháng 5/2020', '\t'));
    const error = await importPlanFile(em(), 'broken.txt', broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanFileError);
    expect(await em().execute('select * from plan_task order by id')).toEqual(before);
    expect(await counts()).toEqual({ plans: 1, tasks: 20 });
  });

  it('a failure while writing tasks leaves no plan row behind (one transaction)', async () => {
    const parsed = await readPlanFile('plan.txt', reference);
    // Two tasks with one number get past no parser; here they make the database refuse the second.
    const twice: ParsedPlan = { ...parsed, tasks: [...parsed.tasks, parsed.tasks[0]!] };
    await expect(storePlan(em(), twice, 'plan.txt')).rejects.toThrow(/plan_task_plan_id_number_unique/);
    expect(await counts()).toEqual({ plans: 0, tasks: 0 });
  });
});

describe("matching the plan's bodies to agencies", () => {
  it('matches named bodies by normalized name and categories to their level; lists the rest', async () => {
    await seedAgencies(db);
    const report = await importPlanFile(em(), 'binh-dinh-2020.txt', reference);
    expect(report.unmatched).toEqual([
      'VNPT Bình Định',
      'Đài Phát thanh và truyền hình tỉnh',
      'Báo Bình Định',
    ]);
    const plan = (await planOfYear(em(), 2020))!;
    const t11 = plan.tasks.find((t) => t.number === 11)!;
    expect(t11.leads.map((b) => [b.text, b.agencyCode, b.level])).toEqual([
      ['Ban Dân tộc', '000.00.19.H21', 'PROVINCE'],
    ]);
    expect(t11.partners.map((b) => [b.text, b.agencyCode])).toEqual([
      ['Văn phòng UBND tỉnh', '000.00.22.H21'],
      ['VNPT Bình Định', null],
    ]);
    const t4 = plan.tasks.find((t) => t.number === 4)!;
    expect(t4.leads.map((b) => [b.text, b.level, b.agencyCodes])).toEqual([
      ['Văn phòng UBND tỉnh', 'PROVINCE', ['000.00.22.H21']],
      ['UBND cấp huyện', 'DISTRICT', ['000.00.23.H21']],
      ['UBND cấp xã', 'COMMUNE', ['000.01.23.H21']],
    ]);
    // the departments, not the province's People's Committee itself
    expect(t4.partners[0]!.agencyCodes).toEqual([
      '000.00.01.H21',
      '000.00.15.H21',
      '000.00.19.H21',
      '000.00.22.H21',
    ]);
  });

  it('two agencies of the same name match neither', async () => {
    await seedAgencies(db);
    await em().execute(
      `insert into igate_agency (code, name, level, parent_code, content_hash) values ('000.00.99.H21', 'Ban Dân tộc tỉnh', 'PROVINCE', '000.00.00.H21', 'x')`,
    );
    const report = await importPlanFile(em(), 'binh-dinh-2020.txt', reference);
    expect(report.unmatched).toContain('Ban Dân tộc');
  });
});
