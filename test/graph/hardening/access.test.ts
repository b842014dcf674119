/**
 * Stored keys over real HTTP: roles reach only their fields, personal data is masked
 * without the pii grant, an agency key sees only its agency's rows, revoked and wrong keys
 * fail at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeKey } from '../../../src/modules/keys';
import { type Province, syncedProvince } from '../../modules/dossier/setup';
import { agencySubtree } from '../../support/agencies';
import { makeKey } from '../../support/keys';
import { expectedNameMask, expectedPhoneMask } from '../../support/masks';

let p: Province;
const keys: Record<string, string> = {};

const keyFor = (grant: Parameters<typeof makeKey>[1]) => makeKey(p.db, grant);

beforeAll(async () => {
  p = await syncedProvince(300);
  keys.viewer = await keyFor({ name: 'viewer', role: 'VIEWER' });
  keys.auditor = await keyFor({ name: 'auditor', role: 'AUDITOR' });
  keys.integrator = await keyFor({ name: 'integrator', role: 'INTEGRATOR' });
  keys.integratorPii = await keyFor({ name: 'integrator-pii', role: 'INTEGRATOR', pii: true });
  const run = await p.hub.gql<{ runChecks: { status: string } }>('mutation { runChecks { status } }');
  expect(run.data?.runChecks.status).toBe('SUCCEEDED');
}, 120_000);
afterAll(() => p.close());

const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  r.errors?.[0]?.extensions?.code;

describe('roles', () => {
  it('let a VIEWER read procedures and dossiers but not the sync ledger, mutations or introspection', async () => {
    const ok = await p.hub.gql(
      '{ procedures(first: 2) { totalCount } dossiers(first: 1) { totalCount } }',
      {},
      keys.viewer,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.status).toBe(200);

    const ledger = await p.hub.gql('{ syncRuns(first: 1) { totalCount } }', {}, keys.viewer);
    expect(ledger.status).toBe(403);
    expect(codeOf(ledger)).toBe('FORBIDDEN');
    expect(ledger.errors?.[0]?.message).toMatch(/syncRuns.*VIEWER/);

    const sync = await p.hub.gql('mutation { runSync(source: IGATE) { id } }', {}, keys.viewer);
    expect(codeOf(sync)).toBe('FORBIDDEN');

    const schema = await p.hub.gql('{ __schema { queryType { name } } }', {}, keys.viewer);
    expect(codeOf(schema)).toBe('FORBIDDEN');
    const typeName = await p.hub.gql('{ __typename }', {}, keys.viewer);
    expect(typeName.data).toEqual({ __typename: 'Query' });
  });

  it('refuse findings to a VIEWER, at the root and nested, and give them to an AUDITOR', async () => {
    const root = await p.hub.gql('{ findings(first: 1) { totalCount } }', {}, keys.viewer);
    expect(root.status).toBe(403);
    expect(codeOf(root)).toBe('FORBIDDEN');
    const nested = await p.hub.gql(
      '{ procedures(first: 1) { edges { node { findings { id } } } } }',
      {},
      keys.viewer,
    );
    expect(codeOf(nested)).toBe('FORBIDDEN');
    expect(nested.errors?.[0]?.message).toMatch(/Finding.*VIEWER/);
    const auditor = await p.hub.gql<{ findings: { totalCount: number } }>(
      '{ findings(first: 1) { totalCount } }',
      {},
      keys.auditor,
    );
    expect(auditor.errors).toBeUndefined();
    expect(auditor.data?.findings.totalCount).toBeGreaterThan(0);
  });

  it('find a forbidden type however deeply nested, and through fragments', async () => {
    // The ledger's type reached through a fragment on Query: still the ledger.
    const r = await p.hub.gql(
      'query { ...L } fragment L on Query { syncRuns(first: 1) { edges { node { id } } } }',
      {},
      keys.auditor,
    );
    expect(codeOf(r)).toBe('FORBIDDEN');
  });

  it('let an INTEGRATOR read the ledger and introspect, but not start a sync', async () => {
    const r = await p.hub.gql(
      '{ syncRuns(first: 1) { totalCount } __schema { queryType { name } } }',
      {},
      keys.integrator,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data).toMatchObject({ __schema: { queryType: { name: 'Query' } } });
    const sync = await p.hub.gql('mutation { runSync(source: IGATE) { id } }', {}, keys.integrator);
    expect(codeOf(sync)).toBe('FORBIDDEN');
  });

  it('hide field suggestions from roles without introspection', async () => {
    const viewer = await p.hub.gql('{ dossierz(first: 1) { totalCount } }', {}, keys.viewer);
    expect(codeOf(viewer)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(viewer.errors?.[0]?.message).not.toMatch(/Did you mean/);
    expect(viewer.errors?.[0]?.message).not.toContain('"dossiers"');
    const integrator = await p.hub.gql('{ dossierz(first: 1) { totalCount } }', {}, keys.integrator);
    expect(integrator.errors?.[0]?.message).toMatch(/Did you mean .*"dossiers"/);
  });

  it('hide enum value suggestions (a literal, a variable) from roles without introspection', async () => {
    const literal = '{ dossiers(first: 1, orderBy: UPDATED_DES) { totalCount } }';
    const variable = 'query($o: DossierOrderBy) { dossiers(first: 1, orderBy: $o) { totalCount } }';
    for (const [query, vars, code] of [
      [literal, {}, 'GRAPHQL_VALIDATION_FAILED'],
      [variable, { o: 'UPDATED_DES' }, 'BAD_USER_INPUT'],
    ] as const) {
      const viewer = await p.hub.gql(query, vars, keys.viewer);
      expect(codeOf(viewer), query).toBe(code);
      expect(viewer.errors?.[0]?.message, query).not.toMatch(/Did you mean|UPDATED_DESC/);
      const integrator = await p.hub.gql(query, vars, keys.integrator);
      expect(codeOf(integrator), query).toBe(code);
      expect(integrator.errors?.[0]?.message, query).toMatch(/Did you mean .*"UPDATED_DESC"/);
    }
  });
});

describe('personal data', () => {
  const Q = '{ dossiers(first: 200) { edges { node { code applicant { type fullName phone masked } } } } }';
  type Page = { dossiers: { edges: { node: { code: string; applicant: Record<string, unknown> } }[] } };

  it('comes back masked to an INTEGRATOR without pii, and in clear with it (no error either way)', async () => {
    const masked = await p.hub.gql<Page>(Q, {}, keys.integrator);
    const clear = await p.hub.gql<Page>(Q, {}, keys.integratorPii);
    expect(masked.errors).toBeUndefined();
    expect(clear.errors).toBeUndefined();
    const citizens = clear.data!.dossiers.edges.filter(
      (e) => e.node.applicant.type === 'CITIZEN' && e.node.applicant.phone,
    );
    expect(citizens.length).toBeGreaterThan(5);
    const maskedByCode = new Map(masked.data!.dossiers.edges.map((e) => [e.node.code, e.node.applicant]));
    for (const c of citizens) {
      const name = c.node.applicant.fullName as string;
      const phone = c.node.applicant.phone as string;
      expect(c.node.applicant.masked).toBe(false);
      expect(maskedByCode.get(c.node.code)).toEqual({
        type: 'CITIZEN',
        fullName: expectedNameMask(name),
        phone: expectedPhoneMask(phone),
        masked: true,
      });
      expect(expectedNameMask(name)).not.toBe(name);
    }
  });

  it('is masked for the bootstrap key unless HUB_ADMIN_KEY_PII=1', async () => {
    const r = await p.hub.gql<Page>('{ dossiers(first: 1) { edges { node { applicant { masked } } } } }');
    expect(r.data?.dossiers.edges[0]?.node.applicant.masked).toBe(true);
  });
});

describe('an agency-limited key', () => {
  it("sees that agency's and its children's dossiers only, never another agency's", async () => {
    const Q = `query($f: DossierFilter) { dossiers(first: 500, filter: $f) { totalCount edges { node { code agency { code } } } } }`;
    type Page = {
      dossiers: { totalCount: number; edges: { node: { code: string; agency: { code: string } | null } }[] };
    };
    const everything = (await p.hub.gql<Page>(Q, {})).data!.dossiers.edges;
    const world = p.igate.world;
    // A district committee with communes under it, whose communes have dossiers.
    const withChildren = world.agencies.find((a) => {
      if (!a.parentCode) return false; // not the province itself
      const under = agencySubtree(a.code, world.agencies);
      return (
        under.size > 1 &&
        everything.some(
          (e) => e.node.agency && e.node.agency.code !== a.code && under.has(e.node.agency.code),
        )
      );
    });
    expect(withChildren).toBeDefined();
    const scope = agencySubtree(withChildren!.code, world.agencies);
    const key = await keyFor({ name: 'district', role: 'VIEWER', agencyCode: withChildren!.code });

    const expected = everything
      .filter((e) => e.node.agency && scope.has(e.node.agency.code))
      .map((e) => e.node.code);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(everything.length);
    const mine = (await p.hub.gql<Page>(Q, {}, key)).data!.dossiers;
    expect(mine.edges.map((e) => e.node.code).sort()).toEqual([...expected].sort());
    expect(mine.totalCount).toBe(expected.length);

    // Asking for another agency's dossiers by filter gives nothing, not an error.
    const other = everything.find((e) => e.node.agency && !scope.has(e.node.agency.code))!.node.agency!.code;
    const foreign = await p.hub.gql<Page>(Q, { f: { agency: other } }, key);
    expect(foreign.errors).toBeUndefined();
    expect(foreign.data!.dossiers).toEqual({ totalCount: 0, edges: [] });

    // Nor through the other agency's own dossiers relation.
    const nested = await p.hub.gql<{ agency: { dossiers: { totalCount: number } } }>(
      `query($c: String!) { agency(code: $c) { dossiers { totalCount } } }`,
      { c: other },
      key,
    );
    expect(nested.data?.agency.dossiers.totalCount).toBe(0);
  });
});

describe('an agency-limited AUDITOR', () => {
  it("sees only its agencies' findings, and cannot acknowledge another agency's", async () => {
    type Findings = {
      findings: { totalCount: number; edges: { node: { id: string; agencyCode: string | null } }[] };
    };
    const Q = '{ findings(first: 500) { totalCount edges { node { id agencyCode } } } }';
    const all = (await p.hub.gql<Findings>(Q)).data!.findings.edges.map((e) => e.node);
    const agencies = [...new Set(all.map((f) => f.agencyCode).filter((c): c is string => c !== null))];
    expect(agencies.length).toBeGreaterThan(1);
    // The agency with findings that has no agency under it: its scope is itself alone.
    const leaf = agencies.find((c) => !p.igate.world.agencies.some((a) => a.parentCode === c))!;
    const key = await keyFor({ name: 'leaf-auditor', role: 'AUDITOR', agencyCode: leaf });
    const mine = (await p.hub.gql<Findings>(Q, {}, key)).data!.findings;
    const expected = all.filter((f) => f.agencyCode === leaf).map((f) => f.id);
    expect(mine.edges.map((e) => e.node.id).sort()).toEqual(expected.sort());
    expect(mine.totalCount).toBe(expected.length);

    const foreign = all.find((f) => f.agencyCode !== leaf)!;
    const one = await p.hub.gql<{ finding: unknown }>(`{ finding(id: "${foreign.id}") { id } }`, {}, key);
    expect(one.data?.finding).toBeNull();
    const ack = await p.hub.gql(
      `mutation { acknowledgeFinding(id: "${foreign.id}", note: "not mine") { id } }`,
      {},
      key,
    );
    expect(codeOf(ack)).toBe('NOT_FOUND');
    const summary = await p.hub.gql<{ findingSummary: { total: number } }>(
      '{ findingSummary { total } }',
      {},
      key,
    );
    expect(summary.data?.findingSummary.total).toBe(expected.length);
  });
});

describe('keys', () => {
  it('refuse a wrong key, and a revoked key from the very next request', async () => {
    const wrong = await p.hub.gql('{ sources { source } }', {}, 'thk_not-a-key-at-all');
    expect(wrong.status).toBe(401);
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');

    const key = await keyFor({ name: 'short-lived', role: 'VIEWER' });
    expect((await p.hub.gql('{ sources { source } }', {}, key)).status).toBe(200);
    expect(await revokeKey(p.db.orm.em.fork(), 'short-lived')).toBe(true);
    const after = await p.hub.gql('{ sources { source } }', {}, key);
    expect(after.status).toBe(401);
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
    expect(after.errors?.[0]?.extensions?.requestId).toEqual(expect.any(String));
  });

  it('are stored hashed: the table never holds a key', async () => {
    const rows = await p.db.orm.em.fork().execute<{ key_hash: string }[]>('select key_hash from api_key');
    for (const k of Object.values(keys)) expect(rows.some((r) => r.key_hash.includes(k))).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.key_hash))).toBe(true);
  });

  it('answer anonymous callers with nothing but /healthz', async () => {
    const base = p.hub.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    for (const path of ['/readyz', '/metrics']) expect((await fetch(`${base}${path}`)).status).toBe(401);
    const anonymous = await p.hub.gql('{ __typename }', {}, null);
    expect(anonymous.status).toBe(401);
  });
});
