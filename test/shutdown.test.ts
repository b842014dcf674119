/**
 * Always stoppable: a request far too large for its time budget is cancelled with a coded
 * error while health checks keep answering, and SIGTERM during such a request ends the
 * process cleanly within SHUTDOWN_TIMEOUT.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, graphOf, nestedAgencies, post, QUIET_SIMULATED_SERVE } from './support/busy-hub';
import { createTestDatabase, type TestDatabase } from './support/db';
import { type HubProcess, spawnHub } from './support/process';

/** Three levels of agency → 60 dossiers → their agency → …: 216,000 dossier nodes, more than a second allows (first: 60 keeps the cost under the raised GRAPH_MAX_COST). With first: 150 or 300 the hub ran out of heap before its timeout on Node 24 (see the note on REQUEST_TIMEOUT below). */
const HEAVY = `query Heavy($code: String!) { agency(code: $code) { ${nestedAgencies(3, 60)} } }`;

describe('a hub serve busy with a huge request', () => {
  let db: TestDatabase;
  let hub: HubProcess;
  let url: string;
  let key: string;
  let busiest: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    hub = spawnHub(['serve'], {
      DATABASE_URL: db.url,
      ...QUIET_SIMULATED_SERVE,
      // One second: the heavy query cannot finish in it, and what it builds meanwhile stays
      // far below the heap limit. With 3 s, an idle machine's compiled executor built about
      // 4 GB of the 27M-node answer before the timer ran and the hub died of heap exhaustion:
      // only the cost limit, lifted here, keeps a real request that large out.
      REQUEST_TIMEOUT: '1s',
      SHUTDOWN_TIMEOUT: '10s',
      // This test is about a query that does get executed: lift the cost limit (issue 12's
      // QUERY_TOO_COMPLEX would refuse it before it runs, which is tested elsewhere).
      GRAPH_MAX_COST: '100000000',
      GRAPH_MAX_FIELDS: '100000',
      LOG_LEVEL: 'warn',
    });
    await hub.waitFor('API key:', 120_000);
    ({ url, key } = graphOf(hub));
    const [row] = await db.orm.em
      .fork()
      .execute(`select agency_code as code, count(*) as n from dossier group by 1 order by 2 desc limit 1`);
    busiest = row!.code;
    expect(Number(row!.n)).toBeGreaterThan(50); // enough for millions of nested nodes
  }, 180_000);

  afterAll(async () => {
    if (hub?.child.exitCode === null) hub.child.kill('SIGKILL');
    await db?.drop();
  });

  it('cancels a request over REQUEST_TIMEOUT with a coded error, answering health checks meanwhile', async () => {
    // Should the hub die instead of answering (seen once in a full CI run: the socket
    // closed after about 60 s), say how, with what it printed last.
    const heavy = post(url, key, HEAVY, { code: busiest }).catch((e: Error) => {
      const how = hub.child.signalCode ?? hub.child.exitCode;
      throw new Error(
        `${e.message}; hub ${how === null ? 'still running' : `ended: ${how}`}; stderr: ${hub.stderr().slice(-3000)}`,
      );
    });
    const health = await fetch(url.replace('/graphql', '/healthz'));
    expect(health.status).toBe(200);
    const answer = await heavy;
    expect(answer.status).toBe(503);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'REQUEST_TIMEOUT' }) }),
    ]);
    // The hub is fine afterwards: a light request is answered once the cancelled one's
    // statements are cancelled too (within a few seconds; the budget is only 1 s, and the
    // first light request may still meet the cancelled one's last work on a slow server).
    const light = '{ agency(code: $c) { code } }'.replace('$c', JSON.stringify(busiest));
    let answered: Answer = {};
    for (let i = 0; i < 10 && !answered.data; i++) {
      if (i) await new Promise((r) => setTimeout(r, 500));
      answered = (await post(url, key, light)).body;
    }
    expect(answered).toEqual({ data: { agency: { code: busiest } } });
  }, 120_000);

  it('exits 0 within SHUTDOWN_TIMEOUT on SIGTERM in the middle of one', async () => {
    const heavy = post(url, key, HEAVY, { code: busiest }).catch(() => ({
      status: 0,
      body: {} as Answer,
    }));
    // The request is under way once the server has answered a later one (HTTP is in order per server, not per request).
    await fetch(url.replace('/graphql', '/healthz'));
    const sent = Date.now();
    hub.child.kill('SIGTERM');
    const code = await hub.exited;
    const took = Date.now() - sent;
    expect(code).toBe(0);
    expect(took).toBeLessThan(10_000 + 2_000); // SHUTDOWN_TIMEOUT, plus the process's own exit
    // It was still running: answered with the shutdown's coded error (or its own budget's,
    // on a machine slow enough to pass REQUEST_TIMEOUT before the signal is handled).
    const answer = await heavy;
    expect(answer.status).toBe(503);
    expect(['SHUTTING_DOWN', 'REQUEST_TIMEOUT']).toContain(answer.body.errors?.[0]?.extensions?.code);
  }, 60_000);
});
