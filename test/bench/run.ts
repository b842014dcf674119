/**
 * `npm run bench`: prints figures, with baselines measured in the same run. Not part of
 * `npm test`. BENCH_ONLY=check, report, console, sync (console and sync), dossier-sync (sync alone), graph
 * or load runs one part.
 * Report sizes: BENCH_REPORT_DOSSIERS (1000000,5000000). Check sizes:
 * BENCH_CHECK_PROCEDURES (2000,20000), BENCH_CHECK_DOSSIERS (1000000), BENCH_CHECK_FEEDBACK (100000). Sync sizes: BENCH_DOSSIERS (default
 * 100000,1000000), BENCH_CHANGED (10000), on DATABASE_URL when set, else an embedded
 * PostgreSQL. The graph part (hub beside PostGraphile) keeps its own embedded database
 * under .data/bench: see test/bench/graph/graph.bench.ts for its settings. The load part
 * (issue 12) reuses that database: BENCH_LOAD_CONNECTIONS (50), BENCH_LOAD_SECONDS (60),
 * BENCH_LOAD_WARMUP_SECONDS (10), see test/bench/load.bench.ts.
 */
import 'reflect-metadata';
import os from 'node:os';
import { checkBench } from './check.bench';
import { consoleBench } from './console.bench';
import { dossierSyncBench } from './dossier-sync.bench';
import { graphBench } from './graph/graph.bench';
import { loadBench } from './load.bench';
import { reportBench } from './report.bench';
import { benchPostgres, sizesFromEnv } from './support';

/** A fresh benchmark PostgreSQL for one part, stopped after it. */
async function withPostgres<T>(
  part: (pg: Awaited<ReturnType<typeof benchPostgres>>) => Promise<T>,
): Promise<T> {
  const pg = await benchPostgres();
  try {
    return await part(pg);
  } finally {
    await pg.stop();
  }
}

function checkPart(pg: Awaited<ReturnType<typeof benchPostgres>>) {
  const procedures = sizesFromEnv('BENCH_CHECK_PROCEDURES', [2_000, 20_000]);
  const dossiers = Number(process.env.BENCH_CHECK_DOSSIERS ?? 1_000_000);
  const feedback = Number(process.env.BENCH_CHECK_FEEDBACK ?? 100_000);
  return checkBench(
    pg,
    procedures.map((p) => ({ procedures: p, dossiers, feedback })),
  );
}

function reportPart(pg: Awaited<ReturnType<typeof benchPostgres>>) {
  return reportBench(
    pg,
    sizesFromEnv('BENCH_REPORT_DOSSIERS', [1_000_000, 5_000_000]),
    Number(process.env.BENCH_CHANGED ?? 10_000),
  );
}

async function syncPart(pg: Awaited<ReturnType<typeof benchPostgres>>, only: string | undefined) {
  if (only !== 'dossier-sync') await consoleBench(pg);
  await dossierSyncBench(
    pg,
    sizesFromEnv('BENCH_DOSSIERS', [100_000, 1_000_000]),
    Number(process.env.BENCH_CHANGED ?? 10_000),
  );
}

async function main() {
  console.log(`# tthc-hub benchmarks — ${new Date().toISOString()}`);
  console.log(
    `node ${process.version}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; database: ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}`,
  );
  const only = process.env.BENCH_ONLY;
  if (only === 'load') return loadBench();
  if (only === 'console') return withPostgres(consoleBench);
  if (only === 'check') return withPostgres(checkPart);
  if (only === 'report') return withPostgres(reportPart);
  if (only === undefined) {
    await withPostgres(checkPart);
    await withPostgres(reportPart);
  }
  if (only !== 'graph') await withPostgres((pg) => syncPart(pg, only));
  if (only !== 'sync' && only !== 'dossier-sync') await graphBench();
  if (only === undefined) await loadBench();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
