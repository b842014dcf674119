import { graphql } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Orm, openOrm } from '../../../src/db/orm';
import type { Principal } from '../../../src/graph/auth';
import { hubSchema } from '../../../src/graph/schema';
import { createLogger } from '../../../src/log';
import { startTestHub, type TestHub, testConfig, testServices } from '../../support/hub';
import { type FeedbackGraph, startFeedbackGraph } from './setup';

/** Relations without N+1 (statements counted at the ORM), and the sender masked unless the caller has pii. */

let g: FeedbackGraph;
let counting: Orm;
let statements = 0;
let hub: TestHub;
beforeAll(async () => {
  g = await startFeedbackGraph();
  counting = await openOrm(g.db.url, undefined, { debug: ['query'], logger: () => statements++ });
  hub = await startTestHub({ ...g.db, orm: counting }, testConfig());
}, 60_000);
afterAll(async () => {
  await hub.close();
  await counting.close(true);
  await g.close();
});

const DEEP = `query($n: Int) { feedbacks(first: $n) { totalCount edges { node {
  code sender { fullName masked }
  procedure { code name feedbacks(first: 3) { totalCount edges { node { code procedure { code } } } } }
  agency { code name feedbacks(first: 2, filter: { statusGroup: [PROCESSED] }) {
    totalCount edges { node { code agency { code } } } } } } } } }`;

async function statementsFor(n: number): Promise<{ count: number; nodes: number }> {
  const before = statements;
  const r = await hub.gql<{ feedbacks: { edges: unknown[] } }>(DEEP, { n });
  expect(r.errors).toBeUndefined();
  return { count: statements - before, nodes: r.data?.feedbacks.edges.length ?? 0 };
}

describe('feedback relations', () => {
  it('cost the same few statements for 3 items as for 60 (no N+1)', async () => {
    const small = await statementsFor(3);
    const large = await statementsFor(60);
    expect(small.nodes).toBe(3);
    expect(large.nodes).toBe(60);
    // list, its count, procedures, agencies, then per relation one page batch and one count batch.
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(9);
    expect(large.count).toBeGreaterThanOrEqual(5);
  });
});

describe('the sender', () => {
  const ONE = `query($code: String!) { feedback(code: $code) { sender { fullName phone email masked } } }`;
  const principal = (pii: boolean): Principal => ({
    name: pii ? 'auditor' : 'viewer',
    role: 'ADMIN',
    pii,
    metrics: false,
    agency: null,
    ratePerMinute: null,
    via: 'key',
  });

  async function senderAs(pii: boolean, code: string) {
    const r = await graphql({
      schema: await hubSchema(),
      source: ONE,
      variableValues: { code },
      contextValue: {
        em: g.db.orm.em.fork(),
        principal: principal(pii),
        scope: { agencyCodes: null },
        requestId: 'test',
        log: createLogger('silent'),
        services: testServices(g.db, testConfig()),
        loaders: new Map(),
      },
    });
    expect(r.errors).toBeUndefined();
    return (r.data as { feedback: { sender: Record<string, unknown> | null } }).feedback.sender;
  }

  it('is shown in clear only to a caller with the pii grant', async () => {
    const f = g.truth.find((x) => x.sender.fullName && x.sender.phone && x.sender.email);
    if (!f) throw new Error('no sample');
    expect(await senderAs(true, f.code)).toEqual({ ...f.sender, masked: false });
    const masked = (await senderAs(false, f.code)) as Record<string, string | boolean>;
    expect(masked.masked).toBe(true);
    for (const field of ['fullName', 'phone', 'email'] as const) {
      expect(masked[field]).toContain('*');
      expect(masked[field]).not.toBe(f.sender[field]);
    }
    expect(String(masked.fullName).split(' ')[0]).toBe(String(f.sender.fullName).split(' ')[0]);
  });

  it('is null for an anonymous item, whoever asks', async () => {
    const f = g.truth.find((x) => !x.sender.fullName && !x.sender.phone && !x.sender.email);
    if (!f) throw new Error('the seeded sample has anonymous items; none found');
    expect(await senderAs(false, f.code)).toBeNull();
    expect(await senderAs(true, f.code)).toBeNull();
  });
});
