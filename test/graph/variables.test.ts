/**
 * Variables as the GraphQL spec coerces them, whichever executor runs the operation (the
 * compiled one or graphql-js): a default applies to an omitted variable, also a non-null
 * one (`$n: Int! = 3`), and an explicit null reaches a nullable variable even when it has
 * a default. The second request of each document runs its cached compiled form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NationalSimulator, startNationalSimulator } from '../../connectors/sim/national/simulator';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestHub, type TestHub, testConfig } from '../support/hub';

interface Codes {
  procedures: { edges: { node: { code: string } }[] };
}

describe('operation variables', () => {
  let db: TestDatabase;
  let sim: NationalSimulator;
  let hub: TestHub;

  beforeAll(async () => {
    db = await createTestDatabase();
    sim = await startNationalSimulator({ seed: 11, procedures: 20, port: 0 });
    hub = await startTestHub(db, testConfig({ NATIONAL_URL: sim.url }));
    const run = await hub.services.sync.run('NATIONAL', { trigger: 'CLI' });
    expect(run.status).toBe('SUCCEEDED');
  });
  afterAll(async () => {
    await hub.close();
    await sim.close();
    await db.drop();
  });

  const twice = async (query: string, variables?: Record<string, unknown>) => {
    const first = await hub.gql<Codes>(query, variables);
    const second = await hub.gql<Codes>(query, variables);
    expect(second).toEqual(first);
    return first;
  };

  it('applies the default of an omitted non-null variable', async () => {
    const r = await twice(`query($n: Int! = 3) { procedures(first: $n) { edges { node { code } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data?.procedures.edges).toHaveLength(3);
  });

  it('applies the default of an omitted nullable variable, and passes an explicit value over it', async () => {
    const query = `query($n: Int = 4) { procedures(first: $n) { edges { node { code } } } }`;
    expect((await twice(query)).data?.procedures.edges).toHaveLength(4);
    expect((await twice(query, { n: 2 })).data?.procedures.edges).toHaveLength(2);
  });

  it('refuses an omitted non-null variable without a default, naming it', async () => {
    const r = await hub.gql<Codes>(`query($n: Int!) { procedures(first: $n) { edges { node { code } } } }`);
    expect(r.data).toBeUndefined();
    expect(r.errors?.[0]?.message).toContain('$n');
  });
});
