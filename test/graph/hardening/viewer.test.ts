/**
 * `viewer` over real HTTP: each kind of key learns its own role, grants and agency scope
 * (bearer tokens: test/graph/hardening/oidc.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKey } from '../../../src/modules/keys';
import { type Province, syncedProvince } from '../../modules/dossier/setup';
import { agencySubtree } from '../../support/agencies';

const VIEWER = `{ viewer { name role credential capabilities pii metrics introspection agencyCode agencyName ratePerMinute } }`;

let p: Province;
beforeAll(async () => {
  p = await syncedProvince(40);
}, 120_000);
afterAll(() => p.close());

describe('viewer', () => {
  it('tells the bootstrap key it is ADMIN over the whole province, without pii unless opted in', async () => {
    const r = await p.hub.gql(VIEWER);
    expect(r.errors).toBeUndefined();
    expect(r.data?.viewer).toEqual({
      name: 'admin',
      role: 'ADMIN',
      credential: 'BOOTSTRAP_KEY',
      capabilities: ['READ', 'FINDINGS', 'REVIEW', 'OPERATIONS', 'INTROSPECTION', 'ADMIN'],
      pii: false,
      metrics: true,
      introspection: true,
      agencyCode: null,
      agencyName: null,
      ratePerMinute: null,
    });
  });

  it("tells a stored key its role, grants and agency with the agency's name", async () => {
    const district = p.igate.world.agencies.find((a) => a.parentCode && a.level === 'DISTRICT')!;
    const { key } = await createKey(p.db.orm.em.fork(), {
      name: 'huyen-viewer',
      role: 'VIEWER',
      pii: true,
      metrics: false,
      agencyCode: district.code,
      ratePerMinute: 500,
    });
    const r = await p.hub.gql(VIEWER, {}, key);
    expect(r.errors).toBeUndefined();
    expect(r.data?.viewer).toEqual({
      name: 'huyen-viewer',
      role: 'VIEWER',
      credential: 'API_KEY',
      capabilities: ['READ'],
      pii: true,
      metrics: false,
      introspection: false,
      agencyCode: district.code,
      agencyName: district.name,
      ratePerMinute: 500,
    });
  });

  it('names no agency for a code no portal knows, and still reports the limit', async () => {
    const { key } = await createKey(p.db.orm.em.fork(), {
      name: 'unknown-agency-auditor',
      role: 'AUDITOR',
      pii: false,
      metrics: true,
      agencyCode: '999.99.99.H21',
      ratePerMinute: null,
    });
    const r = await p.hub.gql<{ viewer: Record<string, unknown> }>(VIEWER, {}, key);
    expect(r.errors).toBeUndefined();
    expect(r.data?.viewer).toMatchObject({
      role: 'AUDITOR',
      capabilities: ['READ', 'FINDINGS', 'REVIEW'],
      metrics: true,
      introspection: false,
      agencyCode: '999.99.99.H21',
      agencyName: null,
    });
    // The hub's default budget for keys made without --rate.
    expect(r.data?.viewer.ratePerMinute).toBe(p.hub.config.security.defaultRatePerMinute);
  });

  it('is refused without a key, like every other field', async () => {
    const r = await p.hub.gql(VIEWER, {}, null);
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('agencies within an agency', () => {
  it('lists the agency and every agency below it (what the console offers a key limited to it)', async () => {
    const world = p.igate.world.agencies;
    const district = world.find((a) => a.parentCode && agencySubtree(a.code, world).size > 1)!;
    const r = await p.hub.gql<{ agencies: { totalCount: number; edges: { node: { code: string } }[] } }>(
      'query($w: String) { agencies(first: 500, filter: { within: $w }) { totalCount edges { node { code } } } }',
      { w: district.code },
    );
    expect(r.errors).toBeUndefined();
    const expected = [...agencySubtree(district.code, world)].sort();
    expect(r.data!.agencies.edges.map((e) => e.node.code).sort()).toEqual(expected);
    expect(r.data!.agencies.totalCount).toBe(expected.length);
  });
});
