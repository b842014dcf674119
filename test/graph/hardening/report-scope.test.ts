/**
 * A key limited to one agency and the reports: without an agency argument every report
 * (form 06, feedback, the service index, plan progress) covers that agency's subtree
 * only, the same figures an unlimited key gets by asking for that agency; asking for an
 * agency inside the subtree narrows it; asking for one outside is FORBIDDEN (HTTP 403,
 * naming it) in every report alike, never answered with another agency's figures or with
 * zeros. The plan itself is province-wide: a limited key reads the same plan.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorldAgency } from '../../../connectors/sim/world/types';
import { createKey } from '../../../src/modules/keys';
import { importPlanFile } from '../../../src/modules/plan';
import { REFERENCE_FILE } from '../../modules/plan/reference-plan';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import type { GraphResult, TestHub } from '../../support/hub';
import { type Portals, startPortals, syncedHub } from '../../support/province';

let db: TestDatabase;
let portals: Portals;
let hub: TestHub;
let key: string;
/** The limited key's agency, its subtree (from the simulated world), one child, one agency outside. */
let district: string;
let subtree: Set<string>;
let child: string;
let outside: string;

function underneath(root: string, all: readonly WorldAgency[]): Set<string> {
  const codes = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const a of all)
      if (a.parentCode && codes.has(a.parentCode) && !codes.has(a.code)) {
        codes.add(a.code);
        grew = true;
      }
  }
  return codes;
}

type Row = { key: string; received: number };
const FORM06 = `query($f: DossierReportFilter, $roll: Boolean = false) {
  dossierReport(period: "2020", groupBy: AGENCY, rollUp: $roll, filter: $f) {
    rows { key received resolved inProgress } total { received resolved inProgress undated }
  } }`;
const FEEDBACK = `query($g: FeedbackGrouping!) { feedbackReport(period: "2020", groupBy: $g) {
  rows { key received closed handledOnTime } total { received closed handledOnTime likes } } }`;
const INDEX = `query($a: String) { serviceIndex(period: "2020", agency: $a) {
  agency points figures { key numerator denominator points } } }`;
const PROGRESS = `query($a: String) { planProgress(year: 2020, period: "2020", agency: $a) {
  tasks { status task { number } indicators { key value numerator denominator } } } }`;

const refused = (r: GraphResult) => ({
  status: r.status,
  code: r.errors?.[0]?.extensions?.code,
  agencies: r.errors?.[0]?.extensions?.agencies,
  data: r.data ?? null,
});

beforeAll(async () => {
  db = await createTestDatabase();
  portals = await startPortals({ procedures: 60, dossiers: 600, feedbacks: 300 });
  ({ hub } = await syncedHub(db, portals));
  await importPlanFile(db.orm.em.fork(), 'binh-dinh-2020.txt', readFileSync(REFERENCE_FILE));
  const first = await hub.gql<{ dossierReport: { rows: Row[] } }>(FORM06);
  expect(first.errors).toBeUndefined();
  const rows = first.data!.dossierReport.rows;
  const withDossiers = new Set(rows.filter((r) => r.received > 0).map((r) => r.key));
  const world = portals.igate.world.agencies;
  // A district whose subtree has dossiers in its own rows and in a child's.
  const pick = world.find((a) => {
    if (!a.parentCode) return false;
    const under = underneath(a.code, world);
    return [...under].some((c) => c !== a.code && withDossiers.has(c)) && withDossiers.has(a.code);
  });
  expect(pick).toBeDefined();
  district = pick!.code;
  subtree = underneath(district, world);
  child = [...subtree].find((c) => c !== district && withDossiers.has(c))!;
  outside = [...withDossiers].find((c) => !subtree.has(c))!;
  expect(outside).toBeDefined();
  ({ key } = await createKey(db.orm.em.fork(), {
    name: 'district-viewer',
    role: 'VIEWER',
    pii: false,
    metrics: false,
    agencyCode: district,
    ratePerMinute: null,
  }));
}, 180_000);
afterAll(async () => {
  await hub?.close();
  await portals?.close();
  await db?.drop();
});

describe('a key limited to one agency, asking for reports', () => {
  it('gets form 06 rows of its subtree only, as an unlimited key asking for that agency', async () => {
    for (const roll of [false, true]) {
      const mine = await hub.gql<{ dossierReport: { rows: Row[]; total: Row } }>(FORM06, { roll }, key);
      expect(mine.errors).toBeUndefined();
      const asked = await hub.gql(FORM06, { roll, f: { agency: [district] } });
      expect(mine.data).toEqual(asked.data);
      const keys = mine.data!.dossierReport.rows.map((r) => r.key);
      expect(keys).toContain(district);
      expect(keys).toContain(child);
      expect(keys.filter((k) => !subtree.has(k))).toEqual([]);
      const province = (await hub.gql<{ dossierReport: { total: Row } }>(FORM06, { roll })).data!;
      expect(mine.data!.dossierReport.total.received).toBeLessThan(province.dossierReport.total.received);
    }
  });

  it('narrows form 06 to an agency inside its subtree, and is refused one outside it', async () => {
    const narrowed = await hub.gql(FORM06, { f: { agency: [child] } }, key);
    expect(narrowed.data).toEqual((await hub.gql(FORM06, { f: { agency: [child] } })).data);
    expect(refused(await hub.gql(FORM06, { f: { agency: [outside] } }, key))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
      agencies: [outside],
      data: null,
    });
    // One code outside among codes inside is refused too: no partial figures.
    const mixed = refused(await hub.gql(FORM06, { f: { agency: [child, outside] } }, key));
    expect([mixed.code, mixed.agencies]).toEqual(['FORBIDDEN', [outside]]);
  });

  it("gets feedback figures of its subtree's agencies only", async () => {
    type F = { feedbackReport: { rows: (Row & { closed: number })[]; total: Row & { closed: number } } };
    const mine = (await hub.gql<F>(FEEDBACK, { g: 'AGENCY' }, key)).data!.feedbackReport;
    const all = (await hub.gql<F>(FEEDBACK, { g: 'AGENCY' })).data!.feedbackReport;
    const inScope = all.rows.filter((r) => subtree.has(r.key));
    expect(inScope.length).toBeGreaterThan(0);
    expect(inScope.length).toBeLessThan(all.rows.length);
    expect(mine.rows).toEqual(inScope);
    const sum = (k: 'received' | 'closed') => inScope.reduce((n, r) => n + r[k], 0);
    expect([mine.total.received, mine.total.closed]).toEqual([sum('received'), sum('closed')]);
    // Grouped otherwise, the same items.
    const byChannel = (await hub.gql<F>(FEEDBACK, { g: 'CHANNEL' }, key)).data!.feedbackReport;
    expect(byChannel.total).toEqual(mine.total);
  });

  it('gets the service index of its subtree, of an agency inside it, and is refused one outside', async () => {
    const mine = await hub.gql<{ serviceIndex: { agency: string } }>(INDEX, {}, key);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.serviceIndex.agency).toBe(district);
    expect(mine.data).toEqual((await hub.gql(INDEX, { a: district })).data);
    expect((await hub.gql(INDEX, {})).data).not.toEqual(mine.data);
    expect((await hub.gql(INDEX, { a: child }, key)).data).toEqual((await hub.gql(INDEX, { a: child })).data);
    expect(refused(await hub.gql(INDEX, { a: outside }, key))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
      agencies: [outside],
      data: null,
    });
  });

  it('gets plan progress for its subtree, of an agency inside it, and is refused one outside', async () => {
    const mine = await hub.gql(PROGRESS, {}, key);
    expect(mine.errors).toBeUndefined();
    expect(mine.data).toEqual((await hub.gql(PROGRESS, { a: district })).data);
    expect((await hub.gql(PROGRESS, { a: child }, key)).data).toEqual(
      (await hub.gql(PROGRESS, { a: child })).data,
    );
    expect(refused(await hub.gql(PROGRESS, { a: outside }, key))).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
      agencies: [outside],
    });
  });

  it("is refused another agency's one-stop coverage, and gets its own", async () => {
    const Q = `query($c: String!) { agency(code: $c) { code oneStopCoverage(period: "2020") { received listings } } }`;
    const own = await hub.gql(Q, { c: district }, key);
    expect(own.errors).toBeUndefined();
    expect(own.data).toEqual((await hub.gql(Q, { c: district })).data);
    const other = await hub.gql(Q, { c: outside }, key);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', agencies: [outside] });
  });

  it('reads the same province-wide plan as everyone (the published decision, not agency records)', async () => {
    const Q = '{ plans { year tasks { number leads { text agency { code } } } } }';
    const mine = await hub.gql<{ plans: unknown[] }>(Q, {}, key);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.plans).toHaveLength(1);
    expect(mine.data).toEqual((await hub.gql(Q)).data);
  });
});
