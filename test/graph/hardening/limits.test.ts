/**
 * Hostile inputs, each answered with a coded error while the server stays healthy: deep
 * nesting, alias bombs, huge pages, forged cursors, huge bodies and batches, costly
 * queries sent again (from Apollo's document cache), malformed ids and enums in every
 * mutation, and a rate budget shared through the database.
 */
import { request } from 'node:http';
import {
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubSchema } from '../../../src/graph/schema';
import { createKey } from '../../../src/modules/keys';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { startTestHub, TEST_KEY, type TestHub } from '../../support/hub';

let db: TestDatabase;
let hub: TestHub;
beforeAll(async () => {
  db = await createTestDatabase();
  hub = await startTestHub(db);
});
afterAll(async () => {
  await hub.close();
  await db.drop();
});

type Result = Awaited<ReturnType<TestHub['gql']>>;
const codeOf = (r: Result) => r.errors?.[0]?.extensions?.code;

/** After each hostile input the server still answers an ordinary query. */
async function expectHealthy(): Promise<void> {
  const r = await hub.gql('{ sources { source } }');
  expect(r.errors).toBeUndefined();
  expect(r.status).toBe(200);
}

async function post(body: string | Buffer, contentType = 'application/json', chunked = false) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const url = new URL(hub.url);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: {
            'content-type': contentType,
            'x-api-key': TEST_KEY,
            ...(chunked ? {} : { 'content-length': Buffer.byteLength(body) }),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (c) => {
            text += c;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
        },
      );
      // The server may answer and close before the whole body is written.
      req.on('error', (e) =>
        (e as NodeJS.ErrnoException).code === 'EPIPE' || (e as NodeJS.ErrnoException).code === 'ECONNRESET'
          ? undefined
          : reject(e),
      );
      req.end(body);
    },
  );
}

describe('limits', () => {
  it('refuse 50 levels of nesting as QUERY_TOO_COMPLEX (depth)', async () => {
    const nested = `${'parent { '.repeat(48)}code${' }'.repeat(48)}`;
    const r = await hub.gql(`{ agency(code: "x") { ${nested} } }`);
    expect(r.status).toBe(400);
    expect(codeOf(r)).toBe('QUERY_TOO_COMPLEX');
    expect(r.errors?.[0]?.extensions).toMatchObject({ measure: 'depth', value: 50, limit: 15 });
    await expectHealthy();
  });

  it('refuse an alias bomb of 2,000 fields', async () => {
    const fields = Array.from({ length: 2000 }, (_, i) => `a${i}: sources { source }`).join(' ');
    const r = await hub.gql(`{ ${fields} }`);
    expect(codeOf(r)).toBe('QUERY_TOO_COMPLEX');
    expect(r.errors?.[0]?.extensions?.measure).toBe('aliases');
    await expectHealthy();
  });

  it('refuse the same fields spread again and again past the field limit', async () => {
    const r = await hub.gql(
      `{ sources { ${'...F '.repeat(400)} } } fragment F on SourceStatus { source stale lastSuccessAt }`,
    );
    expect(codeOf(r), JSON.stringify(r.errors)).toBe('QUERY_TOO_COMPLEX');
    expect(r.errors?.[0]?.extensions?.measure).toBe('fields');
  });

  it('refuse first: 100000 as BAD_USER_INPUT naming the argument', async () => {
    const r = await hub.gql('{ dossiers(first: 100000) { totalCount } }');
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.extensions?.argument).toBe('first');
    await expectHealthy();
  });

  it('refuse forged cursors as BAD_USER_INPUT', async () => {
    const forged = [
      'forged',
      Buffer.from('["not a date","x"]').toString('base64url'),
      Buffer.from('{"a":1}').toString('base64url'),
    ];
    for (const after of forged) {
      for (const list of ['dossiers', 'feedbacks', 'procedures', 'syncRuns']) {
        const r = await hub.gql(`query($a: String) { ${list}(first: 1, after: $a) { totalCount } }`, {
          a: after,
        });
        expect(codeOf(r), `${list} after ${after}`).toBe('BAD_USER_INPUT');
      }
    }
    await expectHealthy();
  });

  it('refuse a 10 MB body with HTTP 413 without reading it all', async () => {
    const body = JSON.stringify({ query: `{ sources { source } } #${'x'.repeat(10 * 1024 * 1024)}` });
    const r = await post(body);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    await expectHealthy();
  });

  it('refuse a 10 MB body sent without its length (chunked) with HTTP 413', async () => {
    const body = JSON.stringify({ query: `{ sources { source } } #${'x'.repeat(10 * 1024 * 1024)}` });
    const r = await post(body, 'application/json', true);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    await expectHealthy();
  });

  it('refuse a batch of 1,000 operations, and answer a small batch', async () => {
    const one = { query: '{ sources { source } }' };
    const big = await post(JSON.stringify(Array.from({ length: 1000 }, () => one)));
    expect(big.status).toBe(400);
    expect(JSON.parse(big.body).errors[0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      measure: 'batch',
    });
    const small = await post(JSON.stringify([one, one]));
    expect(small.status).toBe(200);
    expect(JSON.parse(small.body)).toHaveLength(2);
    await expectHealthy();
  });

  it('refuse a costly query every time it is sent, cached or not, and measure it with its variables', async () => {
    const heavy = `query($n: Int, $m: Int) { procedures(first: $n) { edges { node { code
      dossiers(first: $m) { edges { node { code } } } } } } }`;
    for (let i = 0; i < 2; i++) {
      const r = await hub.gql(heavy, { n: 500, m: 500 });
      expect(codeOf(r), `attempt ${i + 1}`).toBe('QUERY_TOO_COMPLEX');
      expect(r.errors?.[0]?.extensions?.measure).toBe('cost');
    }
    // The same document with small pages is cheap.
    const light = await hub.gql(heavy, { n: 5, m: 5 });
    expect(light.errors).toBeUndefined();
    await expectHealthy();
  });

  it('never leak internals: no stack, no SQL, and a request id in body and header', async () => {
    const res = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': TEST_KEY },
      body: JSON.stringify({ query: '{ nope }' }),
    });
    const body = (await res.json()) as { errors: { extensions: Record<string, unknown> }[] };
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.errors[0]?.extensions.requestId).toBe(id);
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|select |\bat .*\.ts:\d+/i);
  });
});

describe('every mutation', () => {
  /** A valid-looking value of the type, or `bad` for its IDs and enums. */
  function sampleOf(type: GraphQLInputType, bad: 'id' | 'enum' | null): unknown {
    if (isNonNullType(type)) return sampleOf(type.ofType, bad);
    if (isListType(type)) return [sampleOf(type.ofType, bad)];
    const named = getNamedType(type);
    if (isEnumType(named)) return bad === 'enum' ? 'NOT_A_VALUE' : named.getValues()[0]!.value;
    if (isInputObjectType(named))
      return Object.fromEntries(Object.values(named.getFields()).map((f) => [f.name, sampleOf(f.type, bad)]));
    if (isScalarType(named)) return scalarSample(named.name, bad);
    return null;
  }

  /** An ID ('1', or 'abc' when IDs are to be bad), an Int, a Boolean, or a string for any other scalar. */
  function scalarSample(name: string, bad: 'id' | 'enum' | null): unknown {
    if (name === 'ID') return bad === 'id' ? 'abc' : '1';
    if (name === 'Int') return 1;
    if (name === 'Boolean') return false;
    return 'x';
  }

  it('answers malformed ids and enum values with BAD_USER_INPUT, never INTERNAL_SERVER_ERROR', async () => {
    const mutation = (await hubSchema()).getMutationType()!;
    let tried = 0;
    for (const field of Object.values(mutation.getFields())) {
      for (const bad of ['id', 'enum'] as const) {
        const uses = (t: GraphQLInputType): boolean => {
          const n = getNamedType(t);
          if (isInputObjectType(n)) return Object.values(n.getFields()).some((f) => uses(f.type));
          return bad === 'enum' ? isEnumType(n) : n.name === 'ID';
        };
        if (!field.args.some((a) => uses(a.type))) continue;
        const vars = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
        const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
        const values = Object.fromEntries(field.args.map((a) => [a.name, sampleOf(a.type, bad)]));
        const r = await hub.gql(`mutation(${vars}) { ${field.name}(${args}) { __typename } }`, values);
        expect(codeOf(r), `${field.name} with a malformed ${bad}: ${JSON.stringify(r.errors)}`).toBe(
          'BAD_USER_INPUT',
        );
        tried++;
      }
    }
    expect(tried).toBeGreaterThanOrEqual(2);
    const literal = await hub.gql('mutation { confirmDeletions(syncRunId: "abc") { id } }');
    expect(codeOf(literal)).toBe('BAD_USER_INPUT');
    await expectHealthy();
  });
});

describe('rate limits', () => {
  it("charge each operation's cost to the key's budget, shared through the database", async () => {
    const { key } = await createKey(db.orm.em.fork(), {
      name: 'small-budget',
      role: 'VIEWER',
      pii: false,
      metrics: false,
      agencyCode: null,
      ratePerMinute: 120,
    });
    // 1 + 50 × (listings: 1 + 5 × 0) = 51 cost units at first: 50 with one list per node.
    const q = '{ procedures(first: 50) { edges { node { code listings { code } } } } }';
    const seen: unknown[] = [];
    for (let i = 0; i < 3; i++) seen.push(codeOf(await hub.gql(q, {}, key)));
    // A minute window can turn over between requests; then the budget starts again.
    const [rows] = await db.orm.em
      .fork()
      .execute<{ n: string }[]>(`select count(*) as n from rate_window where key_name = 'small-budget'`);
    if (Number(rows?.n) === 1) {
      expect(seen).toEqual([undefined, undefined, 'RATE_LIMITED']);
      const refused = await hub.gql(q, {}, key);
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toEqual(expect.any(Number));
      // A cheap operation still fits in what is left.
      expect(codeOf(await hub.gql('{ sources { source } }', {}, key))).toBeUndefined();
    }
    const [spent] = await db.orm.em
      .fork()
      .execute<{ cost: number }[]>(
        `select max(cost) as cost from rate_window where key_name = 'small-budget'`,
      );
    expect(spent?.cost).toBeLessThanOrEqual(120);
  });
});
