/**
 * One load run against a GraphQL server: autocannon with N connections posting one
 * document, plus what the run cost the server process (CPU from /proc) and PostgreSQL
 * (statements and execution time from pg_stat_statements, for the bench database only).
 */
import { readFileSync } from 'node:fs';
import type { Client } from 'pg';

// biome-ignore lint/suspicious/noExplicitAny: autocannon ships no types
const autocannon: (opts: Record<string, unknown>) => Promise<any> = require('autocannon');

export interface LoadResult {
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  cpuMsPerReq: number;
  /** The kernel's part of that CPU (system time: mostly the sockets). */
  sysMsPerReq: number;
  sqlPerReq: number;
  pgMsPerReq: number;
}

const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux

/** User + system CPU time of a process, and the system part, in ms. */
export function cpuMs(pid: number): { total: number; sys: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const sys = Number(fields[12]) * TICK_MS;
  return { total: Number(fields[11]) * TICK_MS + sys, sys };
}

export async function pgStats(admin: Client, database: string): Promise<{ calls: number; ms: number }> {
  const r = await admin.query<{ calls: string | null; ms: number | null }>(
    `select sum(calls) as calls, sum(total_exec_time) as ms from pg_stat_statements
     where dbid = (select oid from pg_database where datname = $1)`,
    [database],
  );
  return { calls: Number(r.rows[0]?.calls ?? 0), ms: Number(r.rows[0]?.ms ?? 0) };
}

export interface Target {
  url: string;
  pid: number;
  headers: Record<string, string>;
}

export async function post(target: Target, body: string): Promise<unknown> {
  const res = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body,
  });
  return res.json();
}

export async function load(
  target: Target,
  body: string,
  options: { connections: number; seconds: number; admin: Client; database: string },
): Promise<LoadResult> {
  const cpu0 = cpuMs(target.pid);
  const pg0 = await pgStats(options.admin, options.database);
  const r = await autocannon({
    url: target.url,
    method: 'POST',
    connections: options.connections,
    duration: options.seconds,
    headers: { 'content-type': 'application/json', ...target.headers },
    body,
  });
  const cpu1 = cpuMs(target.pid);
  const pg1 = await pgStats(options.admin, options.database);
  const n = Math.max(1, r.requests.total as number);
  return {
    requests: r.requests.total,
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: (r.errors as number) + (r.non2xx as number) + (r.timeouts as number),
    cpuMsPerReq: (cpu1.total - cpu0.total) / n,
    sysMsPerReq: (cpu1.sys - cpu0.sys) / n,
    // The stats query itself runs against another database and is not counted.
    sqlPerReq: (pg1.calls - pg0.calls) / n,
    pgMsPerReq: (pg1.ms - pg0.ms) / n,
  };
}
