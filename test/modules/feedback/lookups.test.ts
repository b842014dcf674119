/**
 * The lookups of issue 7 on feedback: a codes filter, the sent and updated orders
 * (keyset-paged), an agency with every agency below it, a backwards range refused.
 * Expected answers come from what the PAKN portal serves and the world's agency tree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackRecord } from '../../../src/domain/model';
import { smallWorld } from '../../connectors/pakn/support';
import { type FeedbackGraph, startFeedbackGraph } from './setup';

interface Conn {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { code: string } }[];
}

let g: FeedbackGraph;
beforeAll(async () => {
  g = await startFeedbackGraph();
}, 60_000);
afterAll(() => g.close());

const byCode = (a: FeedbackRecord, b: FeedbackRecord) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

describe('feedback lookups', () => {
  it('filters by a list of codes, exactly', async () => {
    const codes = [g.truth[2]!.code, g.truth[30]!.code, 'PAKN-0000-000000'];
    const r = await g.hub.gql<{ feedbacks: Conn }>(
      `query($c: [String!]) { feedbacks(filter: { codes: $c }) { totalCount edges { node { code } } } }`,
      { c: codes },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.feedbacks.totalCount).toBe(2);
    expect(r.data?.feedbacks.edges.map((e) => e.node.code).sort()).toEqual(codes.slice(0, 2).sort());
  });

  it.each([
    ['SENT_ASC', (f: FeedbackRecord) => f.sentAt.getTime(), 1],
    ['UPDATED_DESC', (f: FeedbackRecord) => f.updatedAt.getTime(), -1],
    ['UPDATED_ASC', (f: FeedbackRecord) => f.updatedAt.getTime(), 1],
  ] as const)('pages in %s order with keyset cursors', async (orderBy, key, dir) => {
    const expected = [...g.truth]
      .sort((a, b) => dir * (key(a) - key(b)) || dir * byCode(a, b))
      .map((f) => f.code);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const r: { data?: { feedbacks: Conn }; errors?: unknown } = await g.hub.gql<{ feedbacks: Conn }>(
        `query($o: FeedbackOrderBy, $a: String) { feedbacks(first: 7, orderBy: $o, after: $a) {
          pageInfo { hasNextPage endCursor } edges { node { code } } } }`,
        { o: orderBy, a: after },
      );
      expect(r.errors).toBeUndefined();
      seen.push(...r.data!.feedbacks.edges.map((e) => e.node.code));
      if (!r.data!.feedbacks.pageInfo.hasNextPage) break;
      after = r.data!.feedbacks.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('widens agency.feedbacks and the agency filter to the agencies below with includeDescendants', async () => {
    const world = smallWorld();
    const below = (code: string): string[] => [
      code,
      ...world.agencies.filter((a) => a.parentCode === code).flatMap((a) => below(a.code)),
    ];
    const parent = world.agencies
      .map((a) => a.code)
      .find(
        (code) =>
          new Set(g.truth.filter((f) => below(code).includes(f.agencyCode ?? '')).map((f) => f.agencyCode))
            .size > 1,
      );
    expect(parent).toBeDefined();
    const expected = g.truth
      .filter((f) => below(parent!).includes(f.agencyCode ?? ''))
      .map((f) => f.code)
      .sort();
    const r = await g.hub.gql<{ feedbacks: Conn; agency: { feedbacks: Conn; own: Conn } | null }>(
      `query($a: String!) {
        feedbacks(first: 500, filter: { agency: $a, includeDescendants: true }) { totalCount edges { node { code } } }
        agency(code: $a) {
          feedbacks(first: 500, includeDescendants: true) { totalCount edges { node { code } } }
          own: feedbacks(first: 0) { totalCount } } }`,
      { a: parent },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.feedbacks.totalCount).toBe(expected.length);
    expect(r.data?.feedbacks.edges.map((e) => e.node.code).sort()).toEqual(expected);
    expect(r.data?.agency?.feedbacks.edges.map((e) => e.node.code).sort()).toEqual(expected);
    expect(r.data?.agency?.own.totalCount).toBe(g.truth.filter((f) => f.agencyCode === parent).length);
    expect(r.data?.agency?.own.totalCount).toBeLessThan(expected.length);
  });

  it('refuses a backwards sent range and a dossier cursor', async () => {
    const backwards = await g.hub.gql(
      `{ feedbacks(filter: { sent: { from: "2020-03-01T10:00:00+07:00", to: "2020-03-01T09:00:00+07:00" } }) { totalCount } }`,
    );
    expect(backwards.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const sent = await g.hub.gql<{ feedbacks: Conn }>(`{ feedbacks(first: 1) { pageInfo { endCursor } } }`);
    const updated = await g.hub.gql(
      `query($a: String) { feedbacks(orderBy: UPDATED_DESC, after: $a) { totalCount } }`,
      {
        a: sent.data!.feedbacks.pageInfo.endCursor,
      },
    );
    expect(updated.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
