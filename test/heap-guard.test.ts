/**
 * A request whose answer would exhaust the heap is cancelled, not the process: with the
 * cost limit lifted, a query of millions of nested nodes used to build gigabytes of
 * partial answers and kill the hub long before REQUEST_TIMEOUT. Here the hub runs with a
 * small heap and a long time budget, so only the memory guard can stop the request; it is
 * answered REQUEST_TOO_LARGE, twice in a row (the first one's memory was given back), and
 * the hub goes on answering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, graphOf, nestedAgencies, post, QUIET_SIMULATED_SERVE } from './support/busy-hub';
import { createTestDatabase, type TestDatabase } from './support/db';
import { type HubProcess, spawnHub } from './support/process';

/** Up to 27 million dossier nodes: far more than the heap holds. */
const HUGE = `query Huge($code: String!) { agency(code: $code) { ${nestedAgencies(3, 300)} } }`;
/** 90,000 nodes: fits in the heap with room to spare, unless a cancelled answer still sits in it. */
const LARGE = `query Large($code: String!) { agency(code: $code) { ${nestedAgencies(2, 300)} } }`;

describe('a hub serve asked for an answer larger than its heap', () => {
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
      // A heap the huge answer outgrows in seconds, and a time budget it never reaches.
      NODE_OPTIONS: '--max-old-space-size=384',
      REQUEST_TIMEOUT: '300s',
      STATEMENT_TIMEOUT: '200s',
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
    expect(Number(row!.n)).toBeGreaterThan(100); // enough for millions of nested nodes
  }, 180_000);

  afterAll(async () => {
    if (hub?.child.exitCode === null) hub.child.kill('SIGKILL');
    await db?.drop();
  });

  it('answers REQUEST_TOO_LARGE, gives the memory back, and keeps answering', async () => {
    const huge = async () => {
      try {
        return await post(url, key, HUGE, { code: busiest });
      } catch (e) {
        const how = hub.child.signalCode ?? hub.child.exitCode;
        throw new Error(
          `${(e as Error).message}; hub ${how === null ? 'still running' : `ended: ${how}`}; stderr: ${hub.stderr().slice(-3000)}`,
        );
      }
    };
    for (let i = 0; i < 2; i++) {
      const answer = await huge();
      expect(answer.status).toBe(503);
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.errors).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'REQUEST_TOO_LARGE' }) }),
      ]);
    }
    expect(hub.child.exitCode).toBeNull();
    // The cancelled answers are given back: a large answer that fits is answered in full
    // once V8 has collected them (the heap's size counts garbage until a full collection,
    // which an idle process soon makes). Were a cancelled answer still held, never.
    let large = await post(url, key, LARGE, { code: busiest });
    for (let i = 0; i < 20 && large.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      large = await post(url, key, LARGE, { code: busiest });
    }
    expect(large.body.errors).toBeUndefined();
    expect(large.status).toBe(200);
    const light = `{ agency(code: ${JSON.stringify(busiest)}) { code } }`;
    let answered: Answer = {};
    for (let i = 0; i < 10 && !answered.data; i++) {
      if (i) await new Promise((r) => setTimeout(r, 500));
      answered = (await post(url, key, light)).body;
    }
    expect(answered).toEqual({ data: { agency: { code: busiest } } });
    // Logged for the operators (the log goes to stdout).
    expect(hub.stdout()).toContain('"event":"request_too_large"');
  }, 240_000);
});
