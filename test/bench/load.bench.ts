/**
 * Issue 12's load test: autocannon against the hub on loopback, BENCH_LOAD_CONNECTIONS
 * (50) connections for BENCH_LOAD_SECONDS (60), each connection cycling through the
 * dashboard queries (test/bench/graph/queries.ts) with a stored VIEWER key whose rate
 * budget is far above the load, so every request pays the real key lookup and the rate
 * charge in PostgreSQL. A BENCH_LOAD_WARMUP_SECONDS (10) run comes first. Prints the
 * errors (transport, non-2xx, timeouts and GraphQL `errors` in a body), p50, p99, req/s,
 * and the hub process's memory after the warm-up and after the run (each after a full
 * collection), with their ratio: memory that grows with the number of requests served is
 * a leak. The load average is printed too: the machine may be shared.
 */
import os from 'node:os';
import { Client } from 'pg';
import { openOrm } from '../../src/db/orm';
import { createKey, revokeKey } from '../../src/modules/keys';
import { benchDatabase } from './graph/dataset';
import { type HubMemory, startHubChild } from './graph/hub-server';
import { benchParams, benchQueries } from './graph/queries';
import { fmt } from './support';

// biome-ignore lint/suspicious/noExplicitAny: autocannon ships no types
const autocannon: (opts: Record<string, unknown>) => Promise<any> = require('autocannon');

/** Cost units a minute: the dashboard queries cost about 150 each, far below this at any rate. */
const RATE_ABOVE_LOAD = 1_000_000_000;
const KEY_NAME = 'load-bench';

interface Run {
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  transportErrors: number;
  graphErrors: number;
}

async function run(url: string, key: string, bodies: string[], connections: number, seconds: number) {
  let graphErrors = 0;
  const r = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    requests: bodies.map((body) => ({
      body,
      onResponse: (status: number, text: string) => {
        if (status === 200 && text.includes('"errors"')) graphErrors++;
      },
    })),
  });
  return {
    requests: r.requests.total,
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    transportErrors: (r.errors as number) + (r.non2xx as number) + (r.timeouts as number),
    graphErrors,
  } satisfies Run;
}

const mb = (bytes: number) => fmt(bytes / 2 ** 20, 1);
const load = () =>
  os
    .loadavg()
    .map((l) => fmt(l, 2))
    .join(' ');

function printRun(what: string, r: Run) {
  console.log(
    `${what}: ${fmt(r.requests)} requests, ${fmt(r.reqPerSec)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms; errors ${r.transportErrors} (transport, non-2xx, timeouts) + ${r.graphErrors} (GraphQL)`,
  );
}

function printMemory(what: string, m: HubMemory) {
  console.log(`memory ${what}: RSS ${mb(m.rss)} MiB, heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)} MiB`);
}

export async function loadBench(): Promise<void> {
  const dossiers = Number(process.env.BENCH_LOAD_DOSSIERS ?? process.env.BENCH_GRAPH_DOSSIERS ?? 200_000);
  const connections = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 50);
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
  const warmup = Number(process.env.BENCH_LOAD_WARMUP_SECONDS ?? 10);
  console.log(
    `\n## Load: the dashboard queries, ${connections} connections for ${seconds} s after a ${warmup} s warm-up (${fmt(dossiers)} dossiers)`,
  );
  const db = await benchDatabase(dossiers);
  const orm = await openOrm(db.url);
  let hub: Awaited<ReturnType<typeof startHubChild>> | null = null;
  try {
    await revokeKey(orm.em.fork(), KEY_NAME);
    const { key } = await createKey(orm.em.fork(), {
      name: KEY_NAME,
      role: 'VIEWER',
      pii: false,
      metrics: false,
      agencyCode: null,
      ratePerMinute: RATE_ABOVE_LOAD,
    });
    const c = new Client({ connectionString: db.url });
    await c.connect();
    const params = await benchParams(c, Math.min(100_000, Math.floor(dossiers / 2)));
    await c.end();
    const bodies = benchQueries(params, '').map((q) => JSON.stringify(q.hub));
    hub = await startHubChild(db.url);
    console.log(`node ${process.version}; load average before (1, 5, 15 min): ${load()}`);

    printRun('warm-up', await run(hub.url, key, bodies, connections, warmup));
    const warm = await hub.memory();
    printMemory('after the warm-up', warm);
    const main = await run(hub.url, key, bodies, connections, seconds);
    printRun('run', main);
    const after = await hub.memory();
    printMemory('after the run', after);

    const errors = main.transportErrors + main.graphErrors;
    const rss = after.rss / warm.rss;
    const heap = after.heapUsed / warm.heapUsed;
    const within = (ratio: number) => (Math.abs(ratio - 1) <= 0.1 ? 'within 10 %' : 'NOT within 10 %');
    console.log(`\n| measure | value |\n|---|---:|`);
    console.log(`| errors | ${errors === 0 ? '0 (ok)' : `${errors} (NOT zero)`} |`);
    console.log(`| p50 / p99 ms | ${main.p50} / ${main.p99} |`);
    console.log(`| req/s | ${fmt(main.reqPerSec)} |`);
    console.log(
      `| RSS after warm-up → after run, MiB | ${mb(warm.rss)} → ${mb(after.rss)} (× ${fmt(rss, 3)}, ${within(rss)}) |`,
    );
    console.log(
      `| heap used after warm-up → after run, MiB | ${mb(warm.heapUsed)} → ${mb(after.heapUsed)} (× ${fmt(heap, 3)}, ${within(heap)}) |`,
    );
    console.log(`\nload average after (1, 5, 15 min): ${load()}; ${os.cpus().length} cores`);
  } finally {
    await hub?.stop();
    await revokeKey(orm.em.fork(), KEY_NAME).catch(() => {});
    await orm.close(true);
    await db.stop();
  }
}
