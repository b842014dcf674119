import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackRecord } from '../../../src/domain/model';
import { localDateOf } from '../../../src/domain/time';
import type { GraphResult } from '../../support/hub';
import { byGraphOrder, type FeedbackGraph, startFeedbackGraph } from './setup';

interface Node {
  code: string;
}
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: Node }[];
}

let g: FeedbackGraph;
beforeAll(async () => {
  g = await startFeedbackGraph();
}, 60_000);
afterAll(() => g.close());

const LIST = `query($first: Int, $after: String, $filter: FeedbackFilter) {
  feedbacks(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } }`;

async function all(
  filter: Record<string, unknown> | null,
  first = 7,
): Promise<{ codes: string[]; total: number }> {
  const codes: string[] = [];
  let after: string | null = null;
  let total = -1;
  for (let i = 0; i < 100; i++) {
    const r: GraphResult<{ feedbacks: Page }> = await g.hub.gql<{ feedbacks: Page }>(LIST, {
      first,
      after,
      filter,
    });
    expect(r.errors).toBeUndefined();
    const page = r.data?.feedbacks as Page;
    total = page.totalCount;
    codes.push(...page.edges.map((e) => e.node.code));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { codes, total };
}

const expected = (keep: (f: FeedbackRecord) => boolean): string[] =>
  g.truth
    .filter(keep)
    .sort(byGraphOrder)
    .map((f) => f.code);

describe('feedbacks', () => {
  it('pages through every item, newest sent first, with a total', async () => {
    const { codes, total } = await all(null);
    expect(codes).toEqual(expected(() => true));
    expect(total).toBe(g.truth.length);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('filters by agency, procedure, status, status group, classification, channel and sent days', async () => {
    const sample = g.truth.find((f) => f.agencyCode && f.procedureCode) as FeedbackRecord;
    const days = g.truth.map((f) => localDateOf(f.sentAt)).sort();
    const from = days[Math.floor(days.length / 4)] as string;
    const to = days[Math.floor(days.length / 2)] as string;
    const cases: Array<[Record<string, unknown>, (f: FeedbackRecord) => boolean]> = [
      [{ agency: sample.agencyCode }, (f) => f.agencyCode === sample.agencyCode],
      [{ procedure: sample.procedureCode }, (f) => f.procedureCode === sample.procedureCode],
      [{ status: ['DA_TRA_LOI', 'TU_CHOI'] }, (f) => ['DA_TRA_LOI', 'TU_CHOI'].includes(f.status)],
      [{ statusGroup: ['IN_PROCESS', 'WAITING'] }, (f) => f.statusGroup !== 'PROCESSED'],
      [{ classification: 'HANH_VI_CB' }, (f) => f.classification === 'HANH_VI_CB'],
      [{ channel: 'DUONG_DAY_NONG' }, (f) => f.channel === 'DUONG_DAY_NONG'],
      [{ sent: { from, to } }, (f) => localDateOf(f.sentAt) >= from && localDateOf(f.sentAt) <= to],
      [
        { classification: 'QUY_DINH_TTHC', statusGroup: ['PROCESSED'], sent: { from } },
        (f) =>
          f.classification === 'QUY_DINH_TTHC' &&
          f.statusGroup === 'PROCESSED' &&
          localDateOf(f.sentAt) >= from,
      ],
    ];
    for (const [filter, keep] of cases) {
      const want = expected(keep);
      expect(want.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(want.length, JSON.stringify(filter)).toBeLessThan(g.truth.length);
      const got = await all(filter, 5);
      expect(got.codes, JSON.stringify(filter)).toEqual(want);
      expect(got.total).toBe(want.length);
    }
  });

  it('refuses a bad page size, a foreign cursor and a bad date as input errors', async () => {
    for (const [vars, argument] of [
      [{ first: 501 }, 'first'],
      [{ after: 'bm90LWEtY3Vyc29y' }, 'after'],
      [{ after: Buffer.from(JSON.stringify(['yesterday', 'PAKN-1'])).toString('base64url') }, 'after'],
    ] as const) {
      const r = await g.hub.gql(LIST, vars);
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
    const bad = await g.hub.gql(LIST, { filter: { sent: { from: '2020-02-30' } } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('feedback and its relations', () => {
  const ONE = `query($code: String!) { feedback(code: $code) {
    code title status statusGroup classification channel sentAt answeredAt updatedAt published likes dislikes
    history { status at } agencyCode procedureCode dossierCode
    sender { fullName phone email masked }
    procedure { code name } agency { code name } } }`;

  it('answers one item with its sorted history, sender and the procedure and agency it names', async () => {
    const f = g.truth.find(
      (x) => x.procedureCode && x.agencyCode && x.sender.fullName && x.history.length > 2,
    );
    if (!f) throw new Error('no sample');
    const r = await g.hub.gql<{ feedback: Record<string, unknown> }>(ONE, { code: f.code });
    expect(r.errors).toBeUndefined();
    const node = r.data?.feedback as Record<string, unknown>;
    expect(node).toMatchObject({
      code: f.code,
      status: f.status,
      statusGroup: f.statusGroup,
      procedureCode: f.procedureCode,
      sender: { fullName: f.sender.fullName, phone: f.sender.phone, email: f.sender.email, masked: false },
      procedure: { code: f.procedureCode },
      agency: { code: f.agencyCode },
    });
    const history = node.history as Array<{ status: string; at: string }>;
    expect(history.map((h) => h.status)).toEqual(f.history.map((h) => h.status));
    expect(history.map((h) => new Date(h.at).getTime())).toEqual(f.history.map((h) => h.at.getTime()));
    expect(String(node.sentAt)).toMatch(/\+07:00$/);
  });

  it('gives null for a procedure or agency no portal knows, and for an unknown code', async () => {
    for (const ref of g.unknown.filter((u) => u.field !== 'maHoSo')) {
      const r = await g.hub.gql<{ feedback: Record<string, unknown> }>(ONE, { code: ref.maPAKN });
      expect(r.errors).toBeUndefined();
      const node = r.data?.feedback as Record<string, unknown>;
      if (ref.field === 'maTTHC') expect(node).toMatchObject({ procedureCode: ref.value, procedure: null });
      else expect(node).toMatchObject({ agencyCode: ref.value, agency: null });
    }
    const none = await g.hub.gql<{ feedback: unknown }>(ONE, { code: 'PAKN-1999-000000' });
    expect(none.data?.feedback).toBeNull();
  });

  it("lists a procedure's and an agency's feedback, paged and counted", async () => {
    const agencies = new Map<string, number>();
    for (const f of g.truth)
      if (f.agencyCode) agencies.set(f.agencyCode, (agencies.get(f.agencyCode) ?? 0) + 1);
    const [busiest] = [...agencies].sort((a, b) => b[1] - a[1]);
    const agencyCode = busiest?.[0] as string;
    const procedureCode = g.truth.find(
      (f) => f.procedureCode && !g.unknown.some((u) => u.value === f.procedureCode),
    )?.procedureCode as string;
    const r = await g.hub.gql<{
      agency: { feedbacks: Page & { edges: { node: { code: string; agency: { code: string } } }[] } };
      procedure: { feedbacks: Page };
    }>(
      `query($a: String!, $p: String!) {
        agency(code: $a) { feedbacks(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { code agency { code } } } } }
        procedure(code: $p) { feedbacks(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } } }`,
      { a: agencyCode, p: procedureCode },
    );
    expect(r.errors).toBeUndefined();
    const byAgency = expected((f) => f.agencyCode === agencyCode);
    expect(r.data?.agency.feedbacks.totalCount).toBe(byAgency.length);
    expect(r.data?.agency.feedbacks.edges.map((e) => e.node.code)).toEqual(byAgency.slice(0, 2));
    expect(r.data?.agency.feedbacks.pageInfo.hasNextPage).toBe(byAgency.length > 2);
    expect(r.data?.procedure.feedbacks.edges.map((e) => e.node.code)).toEqual(
      expected((f) => f.procedureCode === procedureCode),
    );
    // The nested cursor continues the same parent's list.
    const next = await g.hub.gql<{ agency: { feedbacks: Page } }>(
      `query($a: String!, $after: String) { agency(code: $a) { feedbacks(first: 2, after: $after) { edges { node { code } } } } }`,
      { a: agencyCode, after: r.data?.agency.feedbacks.pageInfo.endCursor },
    );
    expect(next.data?.agency.feedbacks.edges.map((e) => e.node.code)).toEqual(byAgency.slice(2, 4));
  });
});
