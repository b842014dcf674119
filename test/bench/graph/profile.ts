/**
 * `node -r @swc-node/register test/bench/graph/profile.ts`: the hub under `--cpu-prof`
 * while autocannon (10 connections) sends each dashboard query in turn, then the
 * profile's top frames by self time and the share of each package. BENCH_SECONDS per
 * query (default 10); BENCH_QUERIES picks queries by number (1-based, comma-separated).
 */
import 'reflect-metadata';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { fmt } from '../support';
import { benchDatabase } from './dataset';
import { BENCH_KEY, startHubChild } from './hub-server';
import { load, post } from './load';
import { ensurePostgraphile } from './postgraphile';
import { benchParams, benchQueries } from './queries';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export function category(url: string, fn: string): string {
  if (fn === '(garbage collector)') return 'GC';
  if (fn === '(idle)') return 'idle';
  if (fn === '(program)') return 'program (native)';
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g);
  if (m) return m.at(-1)!.replace('node_modules/', '');
  if (url.includes('/src/')) return 'hub (src)';
  if (url.startsWith('node:') || url === '') return 'node internals';
  return 'other';
}

export function topFrames(file: string, top = 25): string[] {
  const prof = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[] };
  const total = prof.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0);
  const idle = prof.nodes
    .filter((n) => n.callFrame.functionName === '(idle)')
    .reduce((s, n) => s + (n.hitCount ?? 0), 0);
  const busy = total - idle;
  const frames = new Map<string, number>();
  const cats = new Map<string, number>();
  for (const n of prof.nodes) {
    const { functionName, url, lineNumber } = n.callFrame;
    if (functionName === '(idle)') continue;
    const where = url
      ? `${url.replace(/^.*node_modules\//, '').replace(/^.*\/(src|test)\//, '$1/')}:${lineNumber + 1}`
      : '';
    const key = `${functionName || '(anonymous)'} ${where}`;
    frames.set(key, (frames.get(key) ?? 0) + (n.hitCount ?? 0));
    const c = category(url, functionName);
    cats.set(c, (cats.get(c) ?? 0) + (n.hitCount ?? 0));
  }
  const pct = (v: number) => `${fmt((100 * v) / busy, 1)} %`;
  const out = [`busy samples: ${busy} of ${total}`, '', 'by package (self time, share of busy):'];
  for (const [c, v] of [...cats].sort((a, b) => b[1] - a[1]).slice(0, 14))
    out.push(`  ${pct(v).padStart(7)}  ${c}`);
  out.push('', `top ${top} frames (self time):`);
  for (const [k, v] of [...frames].sort((a, b) => b[1] - a[1]).slice(0, top))
    out.push(`  ${pct(v).padStart(7)}  ${k}`);
  return out;
}

async function main() {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const db = await benchDatabase(Number(process.env.BENCH_GRAPH_DOSSIERS ?? 200_000));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-cpu-prof-'));
  const admin = new Client({ connectionString: db.adminUrl });
  await admin.connect();
  const data = new Client({ connectionString: db.url });
  await data.connect();
  const params = await benchParams(data);
  await data.end();
  // On the benchmark's runtime for the hub (PostGraphile's Node 22, see graph.bench.ts).
  const hub = await startHubChild(db.url, dir, ensurePostgraphile().node);
  const target = { url: hub.url, pid: hub.pid, headers: { 'x-api-key': BENCH_KEY } };
  const pick = process.env.BENCH_QUERIES?.split(',').map(Number);
  try {
    const queries = benchQueries(params, '').filter((_, i) => !pick || pick.includes(i + 1));
    for (const q of queries) {
      const body = JSON.stringify(q.hub);
      const once = (await post(target, body)) as { errors?: unknown };
      if (once.errors) throw new Error(`${q.name}: ${JSON.stringify(once.errors)}`);
      const r = await load(target, body, { connections: 10, seconds, admin, database: 'hub_graph_bench' });
      console.log(
        `${q.name}: ${fmt(r.reqPerSec)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, CPU ${fmt(r.cpuMsPerReq, 2)} ms/req (system ${fmt(r.sysMsPerReq, 2)}), SQL ${fmt(r.sqlPerReq, 2)}/req, PG ${fmt(r.pgMsPerReq, 2)} ms/req, errors ${r.errors}`,
      );
    }
  } finally {
    await hub.stop();
    await admin.end();
    await db.stop();
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('no profile written');
  console.log(`\nprofile: ${path.join(dir, file)}`);
  for (const line of topFrames(path.join(dir, file))) console.log(line);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
