/**
 * The hub as a federation subgraph, composed by @apollo/gateway (IntrospectAndCompose over
 * the hub's real HTTP, with a key) next to a small second subgraph that extends Procedure
 * and points at dossiers. Expectations come from the hub's database read directly.
 */

import { readFileSync } from 'node:fs';
import {
  ApolloGateway,
  IntrospectAndCompose,
  LocalGraphQLDataSource,
  RemoteGraphQLDataSource,
} from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Orm, openOrm } from '../../src/db/orm';
import { createKey } from '../../src/modules/keys';
import { SUBGRAPH_FILE } from '../../src/paths';
import { type Province, syncedProvince } from '../modules/dossier/setup';
import { startTestHub, TEST_KEY, type TestHub } from '../support/hub';
import { expectedNameMask } from '../support/masks';

let p: Province;
let counting: Orm;
let hub: TestHub;
let gateway: ApolloServer<{ apiKey: string }>;
let statements = 0;
let integratorKey: string;

interface Picked {
  procedures: { code: string; name: string }[];
  /** A leaf agency with citizens' dossiers, one of them, and a dossier of another agency. */
  agency: string;
  inside: { code: string; name: string };
  outside: { code: string };
}
let picked: Picked;
/** The second subgraph's own data: a rating per procedure code. */
const ratings = new Map<string, number>();

async function pick(url: string): Promise<Picked> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const procedures = (
      await c.query(
        'select code, name from national_procedure where deleted_at is null order by code limit 4',
      )
    ).rows;
    const leaf = (
      await c.query(`select d.agency_code as code from dossier d
        where d.deleted_at is null and d.applicant_type = 'CITIZEN' and d.applicant_name is not null
          and not exists (select 1 from igate_agency a where a.parent_code = d.agency_code)
          and not exists (select 1 from national_agency a where a.parent_code = d.agency_code)
        group by 1 order by count(*) desc limit 1`)
    ).rows[0].code as string;
    const inside = (
      await c.query(
        `select code, applicant_name as name from dossier where agency_code = $1 and deleted_at is null
           and applicant_type = 'CITIZEN' and applicant_name is not null order by code limit 1`,
        [leaf],
      )
    ).rows[0];
    const outside = (
      await c.query(
        'select code from dossier where agency_code <> $1 and deleted_at is null order by code limit 1',
        [leaf],
      )
    ).rows[0];
    return { procedures, agency: leaf, inside, outside };
  } finally {
    await c.end();
  }
}

/** The second subgraph: Procedure gets a rating; a few dossiers are pinned by code. */
function ratingsSubgraph() {
  return buildSubgraphSchema({
    typeDefs: parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Procedure @key(fields: "code") { code: String! rating: Int }
      type Dossier @key(fields: "code", resolvable: false) { code: String! }
      type Query { topRated: [Procedure!]! pinnedDossiers: [Dossier]! }
    `),
    resolvers: {
      Query: {
        topRated: () => [...ratings.keys()].map((code) => ({ code })),
        pinnedDossiers: () => [picked.inside, picked.outside].map((d) => ({ code: d.code })),
      },
      Procedure: {
        __resolveReference: (ref: { code: string }) => ({ code: ref.code }),
        rating: (p: { code: string }) => ratings.get(p.code) ?? null,
      },
    } as never,
  });
}

beforeAll(async () => {
  p = await syncedProvince(200);
  picked = await pick(p.db.url);
  for (const [i, proc] of picked.procedures.entries()) ratings.set(proc.code, 5 - i);
  counting = await openOrm(p.db.url, undefined, { debug: ['query'], logger: () => statements++ });
  hub = await startTestHub({ ...p.db, orm: counting });
  ({ key: integratorKey } = await createKey(p.db.orm.em.fork(), {
    name: 'gateway',
    role: 'INTEGRATOR',
    pii: false,
    metrics: false,
    agencyCode: null,
    ratePerMinute: null,
  }));
  const local = ratingsSubgraph();
  const apolloGateway = new ApolloGateway({
    supergraphSdl: new IntrospectAndCompose({
      subgraphs: [
        { name: 'hub', url: hub.url },
        { name: 'ratings', url: 'http://ratings.invalid/graphql' },
      ],
    }),
    buildService({ name, url }) {
      if (name === 'ratings') return new LocalGraphQLDataSource(local);
      return new RemoteGraphQLDataSource<{ apiKey?: string }>({
        url,
        // The caller's key goes on to the hub; composition itself uses the gateway's key.
        willSendRequest({ request, context }) {
          request.http?.headers.set('x-api-key', context.apiKey ?? integratorKey);
        },
      });
    },
  });
  gateway = new ApolloServer({ gateway: apolloGateway as never });
  await gateway.start();
}, 180_000);

afterAll(async () => {
  await gateway?.stop();
  await hub?.close();
  await counting?.close(true);
  await p?.close();
});

async function throughGateway<T>(query: string, apiKey = TEST_KEY) {
  const res = await gateway.executeOperation({ query }, { contextValue: { apiKey } });
  if (res.body.kind !== 'single') throw new Error('expected a single result');
  return res.body.singleResult as {
    data?: T;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

describe('the hub as a federation subgraph', () => {
  it('gives the gateway schema/subgraph.graphql through _service, to a role with introspection only', async () => {
    const sdl = await hub.gql<{ _service: { sdl: string } }>('{ _service { sdl } }', {}, integratorKey);
    expect(`${sdl.data?._service.sdl}\n`).toBe(readFileSync(SUBGRAPH_FILE, 'utf8'));
    const viewer = await createKey(p.db.orm.em.fork(), {
      name: 'service-viewer',
      role: 'VIEWER',
      pii: false,
      metrics: false,
      agencyCode: null,
      ratePerMinute: null,
    });
    const refused = await hub.gql('{ _service { sdl } }', {}, viewer.key);
    expect(refused.status).toBe(403);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers a query that starts in the other subgraph with names from the hub, in one statement', async () => {
    statements = 0;
    const r = await throughGateway<{ topRated: { code: string; name: string; rating: number }[] }>(
      '{ topRated { code name rating } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.topRated).toEqual(
      picked.procedures.map((proc, i) => ({ code: proc.code, name: proc.name, rating: 5 - i })),
    );
    // The hub's only request was the _entities batch: all four procedures in one statement.
    expect(statements).toBe(1);
  });

  it("answers a query that starts in the hub with the other subgraph's field", async () => {
    const codes = picked.procedures.map((proc) => proc.code);
    const r = await throughGateway<{
      procedures: { edges: { node: { code: string; name: string; rating: number | null } }[] };
    }>(
      `{ procedures(first: 4, filter: { codes: ${JSON.stringify(codes)} }) { edges { node { code name rating } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const got = new Map(r.data!.procedures.edges.map((e) => [e.node.code, e.node]));
    for (const [i, proc] of picked.procedures.entries())
      expect(got.get(proc.code)).toEqual({ code: proc.code, name: proc.name, rating: 5 - i });
  });

  it("resolves dossiers within the caller's agency scope, masked without pii", async () => {
    const { key } = await createKey(p.db.orm.em.fork(), {
      name: 'federated-district',
      role: 'VIEWER',
      pii: false,
      metrics: false,
      agencyCode: picked.agency,
      ratePerMinute: null,
    });
    type Pinned = {
      pinnedDossiers: ({ code: string; applicant: { fullName: string; masked: boolean } } | null)[];
    };
    const Q = '{ pinnedDossiers { code applicant { fullName masked } } }';
    const r = await throughGateway<Pinned>(Q, key);
    expect(r.errors).toBeUndefined();
    expect(r.data?.pinnedDossiers[0]).toEqual({
      code: picked.inside.code,
      applicant: { fullName: expectedNameMask(picked.inside.name), masked: true },
    });
    expect(expectedNameMask(picked.inside.name)).not.toBe(picked.inside.name);
    // Another agency's dossier is not there for this key, as with `dossier(code:)`.
    expect(r.data?.pinnedDossiers[1] ?? null).toBeNull();
    const own = await hub.gql(`{ dossier(code: "${picked.outside.code}") { code } }`, {}, key);
    expect(own.data).toEqual({ dossier: null });

    const pii = await createKey(p.db.orm.em.fork(), {
      name: 'federated-pii',
      role: 'INTEGRATOR',
      pii: true,
      metrics: false,
      agencyCode: null,
      ratePerMinute: null,
    });
    const clear = await throughGateway<Pinned>(Q, pii.key);
    expect(clear.data?.pinnedDossiers[0]?.applicant).toEqual({ fullName: picked.inside.name, masked: false });
    expect(clear.data?.pinnedDossiers[1]?.code).toBe(picked.outside.code);
  });
});

describe('_entities on the hub', () => {
  const Q = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Procedure { code name } ... on Agency { code name } ... on Dossier { code status } } }`;

  it('costs one statement per entity type, whatever the number of references', async () => {
    const reps = [
      ...picked.procedures.map((proc) => ({ __typename: 'Procedure', code: proc.code })),
      { __typename: 'Agency', code: picked.agency },
      { __typename: 'Dossier', code: picked.inside.code },
      { __typename: 'Dossier', code: picked.outside.code },
      { __typename: 'Procedure', code: 'no-such-code' },
    ];
    statements = 0;
    const r = await hub.gql<{ _entities: ({ code: string } | null)[] }>(Q, { r: reps });
    expect(r.errors).toBeUndefined();
    expect(statements).toBe(3);
    expect(r.data?._entities.map((e) => e?.code ?? null)).toEqual([
      ...picked.procedures.map((proc) => proc.code),
      picked.agency,
      picked.inside.code,
      picked.outside.code,
      null,
    ]);
  });

  it('refuses malformed representations and unknown types as BAD_USER_INPUT', async () => {
    for (const r of [[{ __typename: 'Finding', id: '1' }], [{ __typename: 'Dossier' }], [{ code: 'x' }]]) {
      const res = await hub.gql(Q, { r });
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(r)).toBe('BAD_USER_INPUT');
    }
  });

  it('is charged by the number of representations', async () => {
    // 10,000 references of 3 objects each: 30,000 units, above the default 25,000.
    const r = Array.from({ length: 10_000 }, (_, i) => ({ __typename: 'Dossier', code: `x${i}` }));
    const heavy = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Dossier { agency { code } procedure { code } listing { code } } } }`;
    const few = await hub.gql(heavy, { r: r.slice(0, 10) });
    expect(few.errors).toBeUndefined();
    const res = await hub.gql(heavy, { r });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'cost' });
  });
});
