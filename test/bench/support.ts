/** What the benchmarks share: a PostgreSQL, fresh databases, a memory sampler, a clock. */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/db/embedded';
import { migrate, type Orm, openOrm } from '../../src/db/orm';
import { createLogger } from '../../src/log';
import { freePort } from '../support/net';

export const log = createLogger('silent');

export interface BenchPostgres {
  adminUrl: string;
  /** A new, migrated database. */
  database(): Promise<{ url: string; orm: Orm; drop(): Promise<void> }>;
  stop(): Promise<void>;
}

/** DATABASE_URL when set, else an embedded PostgreSQL in a temporary folder. */
export async function benchPostgres(): Promise<BenchPostgres> {
  let adminUrl = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!adminUrl) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-bench-pg-'));
    chmodSync(dir, 0o755);
    const pg = await startEmbeddedPostgres({
      dataDir: dir,
      port: await freePort(),
      log,
      database: 'postgres',
    });
    adminUrl = pg.url;
    stop = async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  return {
    adminUrl,
    async database() {
      const name = `hub_bench_${randomBytes(4).toString('hex')}`;
      await admin.query(`create database ${name}`);
      const u = new URL(adminUrl);
      u.pathname = `/${name}`;
      const url = u.toString();
      const orm = await openOrm(url);
      await migrate(orm);
      return {
        url,
        orm,
        async drop() {
          await orm.close(true);
          await admin.query(`drop database if exists ${name} with (force)`);
        },
      };
    },
    async stop() {
      await admin.end();
      await stop();
    },
  };
}

/** Peak RSS and heap while `fn` runs, sampled every 25 ms, after a collection when --expose-gc. */
export async function measure<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; ms: number; peakRssMb: number; peakHeapMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 25);
  const started = process.hrtime.bigint();
  try {
    const result = await fn();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    sample();
    return { result, ms, peakRssMb: peakRss / 2 ** 20, peakHeapMb: peakHeap / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function sizesFromEnv(name: string, fallback: number[]): number[] {
  const v = process.env[name];
  return v ? v.split(',').map((s) => Number(s.trim())) : fallback;
}

/** The machine's load average (1, 5, 15 min): the machine is shared, so figures carry it. */
export function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
}
