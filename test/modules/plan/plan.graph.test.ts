import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPlanFile } from '../../../src/modules/plan';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { startTestHub, type TestHub } from '../../support/hub';
import { seedAgencies } from './agencies';
import { REFERENCE_FILE } from './reference-plan';

let db: TestDatabase;
let hub: TestHub;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedAgencies(db);
  await importPlanFile(db.orm.em.fork(), 'binh-dinh-2020.txt', readFileSync(REFERENCE_FILE));
  hub = await startTestHub(db);
});
afterAll(async () => {
  await hub.close();
  await db.drop();
});

describe('the plan in the graph', () => {
  it('plans lists the imported plan; plan(year) gives its sections and tasks', async () => {
    const res = await hub.gql<{
      plans: { year: number; version: number }[];
      plan: Record<string, unknown>;
    }>(`{
      plans { year version }
      plan(year: 2020) {
        year province title decision version sourceName unmatchedBodies
        sections { number title }
        tasks { number section content expectedResult deadlineText
                deadline { kind from to workingDays }
                leads { text note kind level agency { code name } agencies { code } }
                partners { text kind agency { code } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.plans).toEqual([{ year: 2020, version: 1 }]);
    const plan = res.data!.plan as {
      sections: { number: string }[];
      tasks: Array<{
        number: number;
        deadline: unknown;
        leads: {
          text: string;
          kind: string;
          level: string | null;
          agency: { code: string } | null;
          agencies: { code: string }[];
        }[];
        partners: { text: string; agency: { code: string } | null }[];
      }>;
      unmatchedBodies: string[];
      province: string;
    };
    expect(plan.province).toBe('Bình Định');
    expect(plan.sections.map((s) => s.number)).toEqual(['I', 'II', 'III', 'IV', 'V']);
    expect(plan.tasks).toHaveLength(20);
    const t11 = plan.tasks.find((t) => t.number === 11)!;
    expect(t11.deadline).toEqual({
      kind: 'QUARTER',
      from: '2020-04-01',
      to: '2020-06-30',
      workingDays: null,
    });
    expect(t11.leads).toEqual([
      {
        text: 'Ban Dân tộc',
        note: null,
        kind: 'NAMED',
        level: 'PROVINCE',
        agency: { code: '000.00.19.H21', name: 'Ban Dân tộc' },
        agencies: [{ code: '000.00.19.H21' }],
      },
    ]);
    const t16 = plan.tasks.find((t) => t.number === 16)!;
    expect(t16.leads.map((b) => [b.text, b.kind, b.level, b.agency, b.agencies.map((a) => a.code)])).toEqual([
      ['UBND cấp huyện', 'LEVEL', 'DISTRICT', null, ['000.00.23.H21']],
      ['UBND cấp xã', 'LEVEL', 'COMMUNE', null, ['000.01.23.H21']],
    ]);
    expect(plan.unmatchedBodies).toEqual([
      'VNPT Bình Định',
      'Đài Phát thanh và truyền hình tỉnh',
      'Báo Bình Định',
    ]);
  });

  it('plan of a year with no plan is null', async () => {
    const res = await hub.gql<{ plan: unknown }>('{ plan(year: 2019) { year } }');
    expect(res.errors).toBeUndefined();
    expect(res.data!.plan).toBeNull();
  });
});
