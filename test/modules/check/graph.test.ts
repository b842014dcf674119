/** The findings in the graph: connection and filters, summary, both sides of a procedure, mutations. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckedProvince, checkedProvince } from './province';

type Edge = { cursor: string; node: { id: string; kind: string; severity: string; lastSeenAt: string } };
type Page = {
  findings: { totalCount: number; edges: Edge[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
};

describe('findings in the graph', () => {
  let p: CheckedProvince;
  const count = async (where = 'true') =>
    Number(
      (await p.db.orm.em.fork().execute<{ n: string }[]>(`select count(*) n from finding where ${where}`))[0]!
        .n,
    );

  beforeAll(async () => {
    p = await checkedProvince();
    const run = await p.hub.gql<{ runChecks: { status: string; opened: number; kindsSkipped: unknown[] } }>(
      'mutation { runChecks { status opened kindsSkipped { kind reason } } }',
    );
    expect(run.errors).toBeUndefined();
    expect(run.data?.runChecks).toMatchObject({ status: 'SUCCEEDED', kindsSkipped: [] });
    expect(run.data?.runChecks.opened).toBeGreaterThan(0);
  }, 120_000);
  afterAll(() => p?.close());

  it('pages every finding once, newest seen first, keyset by cursor', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data?: Page; errors?: unknown } = await p.hub.gql<Page>(
        `query($after: String) { findings(first: 4, after: $after) {
           totalCount edges { cursor node { id kind severity lastSeenAt } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(page.errors).toBeUndefined();
      seen.push(...page.data!.findings.edges.map((e) => e.node.id));
      if (!page.data!.findings.pageInfo.hasNextPage) break;
      after = page.data!.findings.pageInfo.endCursor;
    }
    expect(seen.length).toBe(await count());
    expect(new Set(seen).size).toBe(seen.length);
    // Newest first: ids descend within one run's lastSeenAt.
    expect([...seen].sort((a, b) => Number(b) - Number(a))).toEqual(seen);
  });

  it('filters by several kinds and severities at once', async () => {
    const r = await p.hub.gql<Page>(
      `{ findings(first: 500, filter: { kind: [FEE_MISMATCH, NAME_MISMATCH], severity: [HIGH, LOW] }) {
         totalCount edges { node { id kind severity } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const nodes = r.data!.findings.edges.map((e) => e.node);
    expect(nodes.length).toBe(
      await count(`kind in ('FEE_MISMATCH', 'NAME_MISMATCH') and severity in ('HIGH', 'LOW')`),
    );
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => ['FEE_MISMATCH', 'NAME_MISMATCH'].includes(n.kind))).toBe(true);
    expect(r.data!.findings.totalCount).toBe(nodes.length);
  });

  it('sums up by kind × severity × status', async () => {
    const r = await p.hub.gql<{
      findingSummary: { total: number; counts: { kind: string; count: number }[] };
    }>('{ findingSummary { total counts { kind severity status count } } }');
    expect(r.data!.findingSummary.total).toBe(await count());
    const fees = r
      .data!.findingSummary.counts.filter((c) => c.kind === 'FEE_MISMATCH')
      .reduce((n, c) => n + c.count, 0);
    expect(fees).toBe(await count(`kind = 'FEE_MISMATCH'`));
  });

  it('shows both sides of a procedure and what disagrees in one query', async () => {
    const planted = p.igate.manifest().findings.find((f) => f.kind === 'FEE_MISMATCH')!;
    const r = await p.hub.gql<{
      procedure: {
        national: { channels: { channel: string }[] } | null;
        listings: {
          code: string;
          findings: { kind: string; channel: string; nationalValue: string; provincialValue: string }[];
        }[];
        findings: { kind: string }[];
      };
    }>(
      `query($code: String!) { procedure(code: $code) {
         national { channels { channel fees { amount } } }
         listings { code findings { kind channel nationalValue provincialValue history { actor to } } }
         findings { kind } } }`,
      { code: planted.nationalCode },
    );
    expect(r.errors).toBeUndefined();
    const proc = r.data!.procedure;
    expect(proc.national).not.toBeNull();
    const listing = proc.listings.find((l) => l.code === planted.subjectCode)!;
    const fee = listing.findings.find((f) => f.kind === 'FEE_MISMATCH')!;
    expect(fee.channel).toBe('DIRECT');
    // The province charges twice the national fee (the planted discrepancy).
    const national = fee.nationalValue.split(', ').map(Number);
    expect(fee.provincialValue.split(', ').map(Number)).toEqual(national.map((a) => a * 2));
    expect(proc.findings.map((f) => f.kind)).toContain('FEE_MISMATCH');
  });

  it('lists an agency’s findings', async () => {
    const [row] = await p.db.orm.em.fork().execute<{ agency_code: string; n: string }[]>(
      `select f.agency_code, count(*) n from finding f join igate_agency a on a.code = f.agency_code
          group by 1 order by 2 desc limit 1`,
    );
    const r = await p.hub.gql<{ agency: { findings: { agencyCode: string }[] } }>(
      `query($code: String!) { agency(code: $code) { findings { agencyCode } } }`,
      { code: row!.agency_code },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.agency.findings).toHaveLength(Number(row!.n));
  });

  it('acknowledges and dismisses with a note, kept in the history under the key’s name', async () => {
    const [a, b] = await p.db.orm.em
      .fork()
      .execute<{ id: string }[]>(`select id::text from finding order by id limit 2`);
    const noNote = await p.hub.gql(`mutation($id: ID!) { acknowledgeFinding(id: $id, note: "  ") { id } }`, {
      id: a!.id,
    });
    expect(noNote.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await p.hub.gql(`mutation { dismissFinding(id: "999999", note: "x") { id } }`);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const ack = await p.hub.gql<{
      acknowledgeFinding: { status: string; history: { actor: string; to: string; note: string }[] };
    }>(
      `mutation($id: ID!) { acknowledgeFinding(id: $id, note: "Đã báo Sở Tư pháp") { status history { actor to note } } }`,
      { id: a!.id },
    );
    expect(ack.errors).toBeUndefined();
    expect(ack.data!.acknowledgeFinding.status).toBe('ACKNOWLEDGED');
    expect(ack.data!.acknowledgeFinding.history.at(-1)).toMatchObject({
      to: 'ACKNOWLEDGED',
      note: 'Đã báo Sở Tư pháp',
    });
    expect(ack.data!.acknowledgeFinding.history.at(-1)!.actor).not.toBe('system');

    const dismiss = await p.hub.gql<{ dismissFinding: { status: string } }>(
      `mutation($id: ID!) { dismissFinding(id: $id, note: "Quy định riêng của tỉnh") { status } }`,
      { id: b!.id },
    );
    expect(dismiss.data!.dismissFinding.status).toBe('WONT_FIX');

    const again = await p.hub.gql<{ runChecks: { opened: number; resolved: number } }>(
      'mutation { runChecks { opened resolved } }',
    );
    expect(again.data!.runChecks).toEqual({ opened: 0, resolved: 0 });
    const after = await p.hub.gql<{ a: { status: string }; b: { status: string } }>(
      `query($a: ID!, $b: ID!) { a: finding(id: $a) { status } b: finding(id: $b) { status } }`,
      { a: a!.id, b: b!.id },
    );
    expect(after.data).toEqual({ a: { status: 'ACKNOWLEDGED' }, b: { status: 'WONT_FIX' } });
  });

  it('lists check runs newest first, with what each saw', async () => {
    const r = await p.hub.gql<{
      checkRuns: {
        totalCount: number;
        edges: { node: { id: string; trigger: string; syncRuns: { source: string; status: string }[] } }[];
      };
    }>(
      '{ checkRuns(first: 10) { totalCount edges { node { id trigger kindsRan syncRuns { source runId status } } } } }',
    );
    expect(r.errors).toBeUndefined();
    const runs = r.data!.checkRuns.edges.map((e) => e.node);
    expect(runs.length).toBe(r.data!.checkRuns.totalCount);
    expect(runs[0]!.trigger).toBe('GRAPH');
    expect(Number(runs[0]!.id)).toBeGreaterThan(Number(runs[1]!.id));
    expect(runs[0]!.syncRuns.map((s) => [s.source, s.status])).toEqual([
      ['NATIONAL', 'SUCCEEDED'],
      ['IGATE', 'SUCCEEDED'],
      ['PAKN', 'SUCCEEDED'],
    ]);
    const one = await p.hub.gql<{ checkRun: { id: string } }>(
      `query($id: ID!) { checkRun(id: $id) { id } }`,
      {
        id: runs[1]!.id,
      },
    );
    expect(one.data!.checkRun.id).toBe(runs[1]!.id);
  });
});
