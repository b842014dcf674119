import { afterEach, describe, expect, it } from 'vitest';
import { IgateClient } from '../../../connectors/igate';
import { ConfigurationError } from '../../../connectors/kit/errors';
import type { IgateSimulator } from '../../../connectors/sim/igate/simulator';
import { connectorConfig, startSmallSim } from './support';

const TOKEN = 'POST /auth/realms/digo/protocol/openid-connect/token';
const DOSSIERS = 'GET /pa/dossier/search';
const from = new Date('2019-01-01T00:00:00+07:00');
const to = new Date('2030-01-01T00:00:00+07:00');

describe('IgateClient (upstream-apis.md §2 token and paging)', () => {
  let sim: IgateSimulator;
  let client: IgateClient | null = null;
  afterEach(async () => {
    client?.close();
    client = null;
    await sim.close();
  });

  it('gets one token for many calls, sent as a bearer token', async () => {
    sim = await startSmallSim();
    client = new IgateClient(connectorConfig(sim));
    for (let page = 0; page < 3; page++) await client.dossiers({ page, size: 10, from, to });
    expect(sim.stats.byRoute[TOKEN]).toBe(1);
    expect(sim.stats.byRoute[DOSSIERS]).toBe(3);
  });

  it('fetches a new token once and repeats the call when a data call answers 401 (token expired mid-run)', async () => {
    sim = await startSmallSim();
    client = new IgateClient(connectorConfig(sim));
    const first = await client.dossiers({ page: 0, size: 5, from, to });
    sim.expireTokens();
    const second = await client.dossiers({ page: 0, size: 5, from, to });
    expect(second.content).toEqual(first.content);
    sim.faults.enqueue('expire', { route: DOSSIERS });
    await client.dossiers({ page: 1, size: 5, from, to });
    expect(sim.stats.byRoute[TOKEN]).toBe(3);
    expect(client.stats.retries).toBe(2);
  });

  it('renews a short-lived token before it expires', async () => {
    sim = await startSmallSim({ tokenTtlSeconds: 0.2 });
    client = new IgateClient(connectorConfig(sim));
    await client.dossiers({ page: 0, size: 5, from, to });
    await new Promise((r) => setTimeout(r, 150));
    await client.dossiers({ page: 0, size: 5, from, to });
    expect(sim.stats.byRoute[TOKEN]).toBe(2);
    expect(client.stats.retries).toBe(0);
  });

  it('reports refused client credentials as a configuration error, without retrying the token call', async () => {
    sim = await startSmallSim();
    client = new IgateClient({ ...connectorConfig(sim), clientSecret: 'wrong-secret' });
    const error = await client.dossiers({ page: 0, size: 5, from, to }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({
      code: 'igate_bad_credentials',
      setting: 'IGATE_CLIENT_ID/IGATE_CLIENT_SECRET',
    });
    expect(String((error as Error).message)).not.toContain('wrong-secret');
    expect(sim.stats.byRoute[TOKEN]).toBe(1);
    expect(sim.stats.byRoute[DOSSIERS]).toBeUndefined();
  });

  it('sends +0700 windows URL-encoded (a bare + would reach the server as a space and be refused)', async () => {
    sim = await startSmallSim();
    client = new IgateClient(connectorConfig(sim));
    const all = await client.dossiers({ page: 0, size: 1000, from, to });
    const third = all.content[2] as { updatedDate: string };
    const windowed = await client.dossiers({
      page: 0,
      size: 10,
      from: new Date(Date.parse(third.updatedDate.replace('+0700', '+07:00'))),
      to,
    });
    expect(windowed.content[0]).toEqual(third);
    expect(windowed.totalElements).toBe((all.totalElements ?? 0) - 2);
    const tokenRes = await fetch(`${sim.url}/auth/realms/digo/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=tthc-hub&client_secret=hub-secret',
    });
    const { access_token } = (await tokenRes.json()) as { access_token: string };
    const bare = await fetch(
      `${sim.url}/pa/dossier/search?page=0&size=5&updated-from=2019-01-01T00:00:00.000+0700`,
      {
        headers: { authorization: `Bearer ${access_token}` },
      },
    );
    expect(bare.status).toBe(400);
  });

  it('retries an error reported in a 200 body and a broken token response', async () => {
    sim = await startSmallSim();
    client = new IgateClient(connectorConfig(sim));
    sim.faults.enqueue('errorcode', { route: TOKEN });
    sim.faults.enqueue('errorcode', { route: DOSSIERS });
    const page = await client.dossiers({ page: 0, size: 5, from, to });
    expect(page.content).toHaveLength(5);
    expect(sim.stats.byRoute[TOKEN]).toBe(2);
    expect(client.stats.retries).toBe(2);
  });
});
