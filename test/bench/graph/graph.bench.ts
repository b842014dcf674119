/**
 * Issue 9: the hub's graph beside PostGraphile 5 on the same tables (the bench database,
 * BENCH_GRAPH_DOSSIERS dossiers). Both servers run in processes of their own; autocannon
 * (10 connections) sends each dashboard query to one, then the other, rotating which
 * goes first, for BENCH_GRAPH_ROUNDS rounds (9) of BENCH_GRAPH_SECONDS (3) each: many short
 * rounds, so a load that comes and goes on this 2-core machine falls on both alike (the
 * medians of 3 rounds of 5 s moved by a third from run to run). Before that, each
 * query is asked once of both and the answers compared. Per server: req/s, p50, p99,
 * process CPU per request, SQL statements and PostgreSQL execution time per request.
 * BENCH_GRAPH_QUERIES picks queries by number (1-based, comma-separated).
 *
 * The hub runs on the same Node binary as PostGraphile (the npm registry's Node 22), so the
 * ratio compares the two servers, not two runtimes: Node 22's V8 alone takes 15–20 % off
 * the hub's CPU per request against the machine's Node 20 (measured 2026-12-01). A second
 * hub on the machine's own Node takes its turn in every round too, and is printed beside
 * (BENCH_GRAPH_SYSTEM_NODE=0 leaves it out).
 */
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { fmt } from '../support';
import { benchDatabase } from './dataset';
import { BENCH_KEY, type ChildServer, startHubChild } from './hub-server';
import { type LoadResult, load, post, type Target } from './load';
import { ensurePostgraphile, startPostgraphile } from './postgraphile';
import { benchParams, benchQueries } from './queries';

const CONNECTIONS = 10;

interface Totals {
  rounds: LoadResult[];
}

function summary(t: Totals) {
  const sum = (f: (r: LoadResult) => number) => t.rounds.reduce((s, r) => s + f(r), 0);
  const requests = sum((r) => r.requests);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  return {
    reqPerSec: median(t.rounds.map((r) => r.reqPerSec)),
    p50: median(t.rounds.map((r) => r.p50)),
    p99: median(t.rounds.map((r) => r.p99)),
    cpu: sum((r) => r.cpuMsPerReq * r.requests) / requests,
    sys: sum((r) => r.sysMsPerReq * r.requests) / requests,
    sql: sum((r) => r.sqlPerReq * r.requests) / requests,
    pg: sum((r) => r.pgMsPerReq * r.requests) / requests,
    errors: sum((r) => r.errors),
    perRound: t.rounds.map((r) => fmt(r.reqPerSec)).join('/'),
  };
}

async function pgDeepCursor(pgl: Target, offset: number): Promise<string> {
  const r = (await post(
    pgl,
    JSON.stringify({
      query: `query($o: Int!) { allDossiers(first: 1, offset: $o, condition: { deletedAt: null },
        orderBy: [SOURCE_UPDATED_AT_DESC, CODE_DESC]) { edges { cursor } } }`,
      variables: { o: offset },
    }),
  )) as { data: { allDossiers: { edges: { cursor: string }[] } } };
  return r.data.allDossiers.edges[0]!.cursor;
}

export async function graphBench(): Promise<void> {
  const dossiers = Number(process.env.BENCH_GRAPH_DOSSIERS ?? 200_000);
  const rounds = Number(process.env.BENCH_GRAPH_ROUNDS ?? 9);
  const seconds = Number(process.env.BENCH_GRAPH_SECONDS ?? 3);
  console.log(
    `\n## Graph: the hub beside PostGraphile (${fmt(dossiers)} dossiers, ${CONNECTIONS} connections)`,
  );
  const db = await benchDatabase(dossiers);
  const admin = new Client({ connectionString: db.adminUrl });
  await admin.connect();
  const servers: ChildServer[] = [];
  try {
    const runtime = ensurePostgraphile().node;
    const hubServer = await startHubChild(db.url, undefined, runtime);
    servers.push(hubServer);
    const pglServer = await startPostgraphile(db.url);
    servers.push(pglServer);
    const systemServer =
      process.env.BENCH_GRAPH_SYSTEM_NODE === '0' || runtime === process.execPath
        ? null
        : await startHubChild(db.url);
    if (systemServer) servers.push(systemServer);
    console.log(
      `hub and PostGraphile 5 on node ${pglServer.version}${systemServer ? `; a second hub on the machine's node ${process.version}` : ''}`,
    );
    const hub: Target = { url: hubServer.url, pid: hubServer.pid, headers: { 'x-api-key': BENCH_KEY } };
    const pgl: Target = { url: pglServer.url, pid: pglServer.pid, headers: {} };
    const sys: Target | null = systemServer && { ...hub, url: systemServer.url, pid: systemServer.pid };
    const c = new Client({ connectionString: db.url });
    await c.connect();
    const params = await benchParams(c, Math.min(100_000, Math.floor(dossiers / 2)));
    await c.end();
    const pick = process.env.BENCH_GRAPH_QUERIES?.split(',').map(Number);
    const queries = benchQueries(
      params,
      await pgDeepCursor(pgl, Math.min(100_000, Math.floor(dossiers / 2)) - 1),
    ).filter((_, i) => !pick || pick.includes(i + 1));
    const options: LoadOptions = { connections: CONNECTIONS, seconds, admin, database: 'hub_graph_bench' };
    await checkSameData(hub, pgl, queries, options);
    if (sys) for (const q of queries) await load(sys, JSON.stringify(q.hub), { ...options, seconds: 2 });
    const rows: Row[] = [];
    for (const q of queries) rows.push(await measure({ hub, pgl, sys }, q, rounds, options));
    printTable(rows, rounds, seconds, pglServer.version);
  } finally {
    for (const s of servers) await s.stop();
    await admin.end();
    await db.stop();
  }
}

type BenchQuery = ReturnType<typeof benchQueries>[number];
type LoadOptions = Parameters<typeof load>[2];

/** Each query asked once of both, the answers compared; then both warmed (JIT, plans, pools). */
async function checkSameData(hub: Target, pgl: Target, queries: BenchQuery[], options: LoadOptions) {
  console.log('\nsame data from both (checked once):');
  for (const q of queries) {
    const h = (await post(hub, JSON.stringify(q.hub))) as { data?: unknown; errors?: unknown };
    const p = (await post(pgl, JSON.stringify(q.postgraphile))) as { data?: unknown; errors?: unknown };
    if (h.errors || p.errors) throw new Error(`${q.name}: ${JSON.stringify(h.errors ?? p.errors)}`);
    const same = isDeepStrictEqual(q.sameAs.hub(h.data), q.sameAs.postgraphile(p.data));
    const bytes = (v: unknown) => fmt(JSON.stringify(v).length);
    console.log(`  ${same ? 'same' : 'DIFFERENT'}: ${q.name} (${bytes(h)} / ${bytes(p)} bytes)`);
    // Warm both (JIT, plans, pools) before anything is measured.
    await load(hub, JSON.stringify(q.hub), { ...options, seconds: 2 });
    await load(pgl, JSON.stringify(q.postgraphile), { ...options, seconds: 2 });
  }
}

type Side = 'hub' | 'pgl' | 'sys';
interface Row {
  main: string;
  system: string | null;
}

type Targets = { hub: Target; pgl: Target; sys: Target | null };

/** One query's rounds, rotating which server goes first. */
async function runRounds(targets: Targets, q: BenchQuery, rounds: number, options: LoadOptions) {
  const sides: Side[] = targets.sys ? ['hub', 'pgl', 'sys'] : ['hub', 'pgl'];
  const totals: Record<Side, Totals> = { hub: { rounds: [] }, pgl: { rounds: [] }, sys: { rounds: [] } };
  for (let round = 0; round < rounds; round++) {
    const order = [...sides.slice(round % sides.length), ...sides.slice(0, round % sides.length)];
    for (const side of order) {
      const target = side === 'pgl' ? targets.pgl : side === 'hub' ? targets.hub : targets.sys!;
      const body = JSON.stringify(side === 'pgl' ? q.postgraphile : q.hub);
      totals[side].rounds.push(await load(target, body, options));
    }
  }
  return totals;
}

/** One query's rounds; its table rows, and its rounds printed. */
async function measure(targets: Targets, q: BenchQuery, rounds: number, options: LoadOptions): Promise<Row> {
  const totals = await runRounds(targets, q, rounds, options);
  const h = summary(totals.hub);
  const p = summary(totals.pgl);
  const s = targets.sys ? summary(totals.sys) : null;
  const sysRounds = s ? `, hub on the machine's node ${s.perRound} req/s` : '';
  const sysErrors = s ? ` / ${s.errors}` : '';
  console.log(
    `${q.name}: hub ${h.perRound} req/s, PostGraphile ${p.perRound} req/s${sysRounds} by round; errors ${h.errors} / ${p.errors}${sysErrors}`,
  );
  return {
    main: `| ${q.name} | ${fmt(h.reqPerSec)} | ${fmt(p.reqPerSec)} | ${fmt(h.reqPerSec / p.reqPerSec, 2)} | ${h.p50} / ${h.p99} | ${p.p50} / ${p.p99} | ${fmt(h.cpu, 2)} (${fmt(h.sys, 2)}) | ${fmt(p.cpu, 2)} (${fmt(p.sys, 2)}) | ${fmt(h.pg, 2)} / ${fmt(p.pg, 2)} | ${fmt(h.sql, 1)} / ${fmt(p.sql, 1)} |`,
    system: s
      ? `| ${q.name} | ${fmt(s.reqPerSec)} | ${fmt(s.reqPerSec / p.reqPerSec, 2)} | ${s.p50} / ${s.p99} | ${fmt(s.cpu, 2)} (${fmt(s.sys, 2)}) |`
      : null,
  };
}

function printTable(rows: Row[], rounds: number, seconds: number, runtime: string): void {
  console.log(`\nBoth on node ${runtime}:\n`);
  console.log(
    `| query | hub req/s | PostGraphile req/s | hub / PG | hub p50 / p99 ms | PG p50 / p99 ms | hub CPU ms/req (system) | PG CPU ms/req (system) | PostgreSQL ms/req hub / PG | SQL per request hub / PG |`,
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(r.main);
  if (rows.some((r) => r.system)) {
    console.log(
      `\nThe hub on the machine's node ${process.version}, in the same rounds, against PostGraphile on ${runtime}:\n`,
    );
    console.log('| query | hub req/s | hub / PG | hub p50 / p99 ms | hub CPU ms/req (system) |');
    console.log('|---|---:|---:|---:|---:|');
    for (const r of rows) if (r.system) console.log(r.system);
  }
  console.log(
    `\n(req/s, p50 and p99: the median of ${rounds} rounds of ${seconds} s; CPU: process user+system time over the requests, the system part in brackets; PostgreSQL ms: pg_stat_statements execution time.)`,
  );
}
