/**
 * planProgress on a seeded simulated province (all three portals synced, checks run),
 * each measurable indicator against an independent answer: the simulators' manifest,
 * their raw records, or the graph's own dossier query.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localInstant } from '../../../connectors/sim/kit/time';
import { importPlanFile } from '../../../src/modules/plan';
import { spawnHub } from '../../support/process';
import { type CheckedProvince, checkedProvince } from '../check/province';
import { REFERENCE_FILE } from './reference-plan';

/** Departments with listings in this world, planted with no dossier at all (task 14). */
const IDLE = ['000.00.16.H21', '000.00.20.H21'];
/** Ban Dân tộc, brought onto iGate in May 2020 (task 11: Quý II/2020). */
const ONBOARDING = { agencyCode: '000.00.19.H21', from: localInstant(2020, 5, 4), every: 5 };

interface Indicator {
  key: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: number | null;
  status: string;
  date: string | null;
  detail: string | null;
  parts: { label: string; value: number | null; numerator: number | null; denominator: number | null }[];
}
interface TaskProgress {
  task: { number: number };
  status: string;
  indicators: Indicator[];
}

const PROGRESS = `query($year: Int!, $period: String, $agency: String) {
  planProgress(year: $year, period: $period, agency: $agency) {
    year period from to asOf agency
    tasks { task { number } status
      indicators { key value numerator denominator target status date detail parts { label value numerator denominator } } }
  }
}`;

let p: CheckedProvince;
let tasks: TaskProgress[];
const manifest = () => p.igate.manifest();
const indicator = (task: number, key: string) =>
  tasks.find((t) => t.task.number === task)!.indicators.find((i) => i.key === key)!;

async function progress(variables: Record<string, unknown>) {
  const res = await p.hub.gql<{ planProgress: { tasks: TaskProgress[] } & Record<string, unknown> }>(
    PROGRESS,
    variables,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.planProgress;
}

async function dossierCount(filter: Record<string, unknown>): Promise<number> {
  const res = await p.hub.gql<{ dossiers: { totalCount: number } }>(
    'query($f: DossierFilter) { dossiers(first: 1, filter: $f) { totalCount } }',
    { f: filter },
  );
  expect(res.errors).toBeUndefined();
  return res.data!.dossiers.totalCount;
}

const RECEIVED_STATUSES = [
  'REGISTERED',
  'RECEIVED',
  'PROCESSING',
  'SUPPLEMENT_REQUESTED',
  'PAYMENT_REQUIRED',
  'WITHDRAWN',
  'STOPPED',
  'PROCESSED',
  'RETURNED',
];

beforeAll(async () => {
  p = await checkedProvince({ igate: { planting: { idleAgencies: IDLE, onboarding: ONBOARDING } } });
  const run = await p.check();
  expect(run.errorMessage).toBeNull();
  await importPlanFile(p.db.orm.em.fork(), 'binh-dinh-2020.txt', readFileSync(REFERENCE_FILE));
  tasks = (await progress({ year: 2020 })).tasks;
  if (process.env.PLAN_DEBUG)
    console.log(
      JSON.stringify(
        tasks.map((t) => [
          t.task.number,
          t.status,
          t.indicators.map((i) => [i.key, i.value, i.numerator, i.denominator, i.status, i.date, i.detail]),
        ]),
      ),
    );
}, 240_000);
afterAll(() => p?.close());

describe('planProgress(year: 2020) on the seeded simulator', () => {
  it('gives every task of the plan a status; tasks no portal measures are NOT_MEASURABLE with no figure', () => {
    expect(tasks.map((t) => t.task.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const unmeasured = tasks.filter((t) => t.indicators.length === 0).map((t) => t.task.number);
    expect(unmeasured).toEqual([4, 6, 8, 10, 15, 16, 18, 19]);
    for (const t of tasks) {
      if (t.indicators.length === 0) expect(t.status).toBe('NOT_MEASURABLE');
      else expect(['ON_TRACK', 'AT_RISK', 'MISSED', 'DONE']).toContain(t.status);
    }
  });

  it('task 14 flags exactly the agencies with listings and no dossier, the planted ones among them', async () => {
    const flagged = manifest().agenciesWithoutDossiers;
    expect(flagged).toEqual(expect.arrayContaining(IDLE));
    const coverage = indicator(14, 'oneStop.coverage');
    expect(coverage.detail).toBe(`no dossier at all: ${flagged.join(', ')}`);
    for (const code of IDLE) {
      const res = await p.hub.gql<{ agency: { oneStopCoverage: Record<string, unknown> } }>(
        `query($c: String!) { agency(code: $c) { oneStopCoverage(period: "2020") {
            listings listingsUnused received firstDossier lastDossier flagged } } }`,
        { c: code },
      );
      expect(res.errors).toBeUndefined();
      const c = res.data!.agency.oneStopCoverage as { listings: number; listingsUnused: number };
      expect(c).toMatchObject({ received: 0, firstDossier: null, lastDossier: null, flagged: true });
      expect(c.listings).toBeGreaterThan(0);
      expect(c.listingsUnused).toBe(c.listings);
    }
  });

  it("task 11 reports the planted agency's first dossier day, judged against Quý II/2020", () => {
    const first = manifest().onboarding!.firstDossier!;
    expect(first >= '2020-04-01').toBe(true);
    const onIgate = indicator(11, 'igate.firstDossier');
    expect(onIgate.date).toBe(first);
    expect(onIgate.detail).toBe(`000.00.19.H21: first dossier ${first}`);
    expect(onIgate.status).toBe(first <= '2020-06-30' ? 'DONE' : 'MISSED');
  });

  it('tasks 1, 2, 3, 5 and 7 count the open findings the checks found, as planted', () => {
    const planted = (kind: string, severity?: string) =>
      manifest().findings.filter((f) => f.kind === kind && (!severity || f.severity === severity));
    expect(indicator(1, 'publication.lateFindings').value).toBe(planted('PUBLICATION_LATE').length);
    expect(indicator(2, 'national.missing').numerator).toBe(planted('MISSING_IN_NATIONAL').length);
    expect(indicator(2, 'national.missing').detail).toBe(`of ${activeListings().length} active listings`);
    const procedureKinds = manifest().findings.filter((f) => !/^DOSSIER_/.test(f.kind));
    expect(indicator(3, 'portals.openFindings').value).toBe(procedureKinds.length);
    expect(indicator(5, 'portals.openFindings').value).toBe(procedureKinds.length);
    const shorter = new Set(planted('PROCESSING_TIME_MISMATCH', 'INFO').map((f) => f.subjectCode));
    expect(indicator(7, 'processingTime.shorter').numerator).toBe(shorter.size);
    expect(indicator(7, 'processingTime.shorter').denominator).toBe(activeListings().length);
  });

  it("tasks 1, 3 and 5 equal what the graph's findings query returns for the same agency", async () => {
    const count = async (filter: Record<string, unknown>) => {
      const res = await p.hub.gql<{ findings: { totalCount: number } }>(
        'query($f: FindingFilter) { findings(first: 1, filter: $f) { totalCount } }',
        { f: { status: ['OPEN', 'ACKNOWLEDGED', 'WONT_FIX', 'REOPENED'], ...filter } },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.findings.totalCount;
    };
    expect(indicator(1, 'publication.lateFindings').value).toBe(await count({ kind: ['PUBLICATION_LATE'] }));
    const procedureKinds = [
      'MISSING_IN_PROVINCE',
      'MISSING_IN_NATIONAL',
      'ABOLISHED_BUT_LISTED',
      'NAME_MISMATCH',
      'PROCESSING_TIME_MISMATCH',
      'FEE_MISMATCH',
      'LEVEL_MISMATCH',
      'ONLINE_LEVEL_MISMATCH',
      'LEGAL_BASIS_MISMATCH',
      'PUBLICATION_LATE',
      'DUPLICATE_LISTING',
    ];
    expect(indicator(3, 'portals.openFindings').value).toBe(await count({ kind: procedureKinds }));
    const agency = '000.00.12.H21';
    const scoped = await progress({ year: 2020, agency });
    const t3 = scoped.tasks.find((t) => t.task.number === 3)!.indicators[0]!;
    expect(t3.value).toBe(await count({ kind: procedureKinds, agency: [agency] }));
  });

  it('task 1: listings decided in 2020 within 5 working days are those without a PUBLICATION_LATE finding', () => {
    const onTime = indicator(1, 'publication.onTime');
    const late = manifest()
      .findings.filter((f) => f.kind === 'PUBLICATION_LATE')
      .filter((f) => decisionYear(f.subjectCode) === '2020');
    expect(onTime.denominator! - onTime.numerator!).toBe(late.length);
    expect(onTime.denominator).toBeGreaterThan(0);
  });

  it('task 12: active listings offered online (levels 3 and 4), from the listings iGate serves', () => {
    const active = activeListings();
    const online = active.filter((l) => l.onlineLevel === 3 || l.onlineLevel === 4);
    expect(indicator(12, 'online.services')).toMatchObject({
      numerator: online.length,
      denominator: active.length,
    });
  });

  it('task 13: the online share of new dossiers is what the dossier query counts, per quarter too', async () => {
    const year = { from: '2020-01-01', to: '2020-12-31' };
    const online = await dossierCount({ accepted: year, channel: 'ONLINE', status: RECEIVED_STATUSES });
    const all = await dossierCount({ accepted: year, status: RECEIVED_STATUSES });
    const share = indicator(13, 'online.share');
    expect(share).toMatchObject({ numerator: online, denominator: all, value: online / all });
    const q2 = { from: '2020-04-01', to: '2020-06-30' };
    expect(share.parts.find((x) => x.label === '2020-Q2')).toEqual({
      label: '2020-Q2',
      numerator: await dossierCount({ accepted: q2, channel: 'ONLINE', status: RECEIVED_STATUSES }),
      denominator: await dossierCount({ accepted: q2, status: RECEIVED_STATUSES }),
      value: expect.any(Number),
    });
  });

  it('task 17: every quarter of 2020 is closed and every source synced after it', () => {
    expect(indicator(17, 'reports.filed')).toMatchObject({ value: 1, numerator: 4, denominator: 4 });
  });

  it('tasks 9, 13 and 20 equal the service index and the feedback report of the same period', async () => {
    const res = await p.hub.gql<{
      serviceIndex: {
        figures: { key: string; numerator: number; denominator: number; ratio: number | null }[];
      };
      feedbackReport: { total: { answersPublished: number; answeredOnTime: number; answeredLate: number } };
    }>(`{
      serviceIndex(period: "2020") { figures { key numerator denominator ratio } }
      feedbackReport(period: "2020", groupBy: AGENCY) { total { answersPublished answeredOnTime answeredLate } }
    }`);
    expect(res.errors).toBeUndefined();
    const figure = (key: string) => {
      const f = res.data!.serviceIndex.figures.find((x) => x.key === key)!;
      return { value: f.ratio, numerator: f.numerator, denominator: f.denominator };
    };
    expect(indicator(9, 'feedback.onTime')).toMatchObject(figure('FEEDBACK_ON_TIME'));
    expect(indicator(13, 'online.share')).toMatchObject(figure('ONLINE_SHARE'));
    expect(indicator(20, 'satisfaction.dossiers')).toMatchObject(figure('DOSSIER_SATISFACTION'));
    expect(indicator(20, 'satisfaction.feedback')).toMatchObject(figure('FEEDBACK_SATISFACTION'));
    const total = res.data!.feedbackReport.total;
    expect(indicator(9, 'feedback.published')).toMatchObject({
      numerator: total.answersPublished,
      denominator: total.answeredOnTime + total.answeredLate,
    });
    expect(indicator(9, 'feedback.onTime').denominator).toBeGreaterThan(0);
  });
});

describe('planProgress for one agency and period', () => {
  it('a department sees the tasks it leads (through "Các sở, ban, ngành"), its own listings only', async () => {
    const code = '000.00.01.H21';
    const scoped = await progress({ year: 2020, period: '2020-Q2', agency: code });
    expect(scoped).toMatchObject({ from: '2020-04-01', to: '2020-06-30', agency: code });
    expect(scoped.tasks.map((t) => t.task.number)).toEqual([1, 3, 5, 6, 7, 8, 10, 13, 14, 17, 19]);
    const own = activeListings().filter((l) => l.agencies.some((a) => a.code === code));
    const services = scoped.tasks.find((t) => t.task.number === 13);
    expect(services).toBeDefined();
    const coverage = scoped.tasks.find((t) => t.task.number === 14)!.indicators[0]!;
    expect(coverage.denominator).toBe(1);
    const q2 = { from: '2020-04-01', to: '2020-06-30' };
    const share = scoped.tasks.find((t) => t.task.number === 13)!.indicators[0]!;
    expect(share.denominator).toBe(
      await dossierCount({ accepted: q2, agency: code, status: RECEIVED_STATUSES }),
    );
    expect(own.length).toBeGreaterThan(0);
  });

  it('refuses a period it cannot read and a year with no plan, with coded errors', async () => {
    const bad = await p.hub.gql(PROGRESS, { year: 2020, period: '2020-13' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const none = await p.hub.gql(PROGRESS, { year: 2019 });
    expect(none.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('hub plan report', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-report-'));
  const run = async (...args: string[]) => {
    const child = spawnHub(['plan', 'report', '--year', '2020', ...args], {
      DATABASE_URL: p.db.url,
      HUB_SIMULATE: '1',
      LOG_LEVEL: 'warn',
    });
    return { code: await child.exited, stdout: child.stdout(), stderr: child.stderr() };
  };

  it(
    "writes the plan's table with the indicator and status columns as xlsx",
    { timeout: 120_000 },
    async () => {
      const out = path.join(dir, 'plan-2020.xlsx');
      const result = await run('--format', 'xlsx', '--out', out);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      if (process.env.PLAN_REPORT_OUT) copyFileSync(out, process.env.PLAN_REPORT_OUT);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(out);
      const sheet = book.worksheets[0]!;
      const rows: string[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      const header = rows.findIndex((r) => r[0] === 'STT');
      expect(rows[header]).toEqual([
        'STT',
        'Nội dung công việc',
        'Cơ quan chủ trì thực hiện',
        'Cơ quan phối hợp thực hiện',
        'Kết quả công việc',
        'Thời gian',
        'Chỉ số theo dõi',
        'Tình trạng',
      ]);
      const body = rows.slice(header + 1);
      expect(body.filter((r) => /^[IV]+\. /.test(r[0]!)).map((r) => r[0]!.split('.')[0])).toEqual([
        'I',
        'II',
        'III',
        'IV',
        'V',
      ]);
      const taskRows = body.filter((r) => /^\d+$/.test(r[0]!));
      expect(taskRows.map((r) => Number(r[0]))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const row = (n: number) => taskRows.find((r) => r[0] === String(n))!;
      expect(row(11)[5]).toBe('Quý II/2020');
      expect(row(11)[7]).toBe(
        indicator(11, 'igate.firstDossier').status === 'DONE' ? 'Hoàn thành' : 'Không đạt',
      );
      expect(row(4)[6]).toBe('Không có chỉ số trong dữ liệu các cổng');
      expect(row(4)[7]).toBe('Không đo được từ dữ liệu');
      const share = indicator(13, 'online.share');
      expect(row(13)[6]).toContain(`(${share.numerator}/${share.denominator})`);
    },
  );

  it('writes CSV and JSON, and refuses a year with no plan (exit 1)', { timeout: 180_000 }, async () => {
    const csv = path.join(dir, 'plan.csv');
    expect((await run('--format', 'csv', '--out', csv)).code).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain(
      'STT,Nội dung công việc,Cơ quan chủ trì thực hiện,Cơ quan phối hợp thực hiện,Kết quả công việc,Thời gian,Chỉ số theo dõi,Tình trạng',
    );
    const json = path.join(dir, 'plan.json');
    expect((await run('--format', 'json', '--out', json, '--period', '2020-Q2')).code).toBe(0);
    const parsed = JSON.parse(readFileSync(json, 'utf8'));
    expect(parsed.progress).toMatchObject({ from: '2020-04-01', to: '2020-06-30' });
    expect(parsed.progress.tasks).toHaveLength(20);
    const child = spawnHub(['plan', 'report', '--year', '2019', '--format', 'csv', '--out', csv], {
      DATABASE_URL: p.db.url,
      HUB_SIMULATE: '1',
      LOG_LEVEL: 'warn',
    });
    expect(await child.exited).toBe(1);
    expect(child.stderr()).toContain('no plan for 2019');
  });
});

interface RawListing {
  code: string;
  status: number;
  onlineLevel: number | null;
  agencies: { code: string }[];
  publishedDecision?: { date?: string | null } | null;
}

function activeListings(): RawListing[] {
  return p.igate
    .listingCodes()
    .map((c) => p.igate.rawListing(c) as unknown as RawListing)
    .filter((l) => l.status === 1);
}

function decisionYear(code: string): string | null {
  const raw = p.igate.rawListing(code) as unknown as RawListing;
  const date = raw.publishedDecision?.date;
  return date ? new Date(new Date(date).getTime() + 7 * 3_600_000).toISOString().slice(0, 4) : null;
}
