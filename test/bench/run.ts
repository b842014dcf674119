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

async function main() {
  console.log(`# tthc-hub benchmarks — ${new Date().toISOString()}`);
  console.log(
    `node ${process.version}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; database: ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}`,
  );
  const only = process.env.BENCH_ONLY;
  if (only === 'load') return loadBench();
  if (only === 'console') {
    const pg = await benchPostgres();
    try {
      return await consoleBench(pg);
    } finally {
      await pg.stop();
    }
  }
  if (only === undefined || only === 'check') {
    const pg = await benchPostgres();
    try {
      const procedures = sizesFromEnv('BENCH_CHECK_PROCEDURES', [2_000, 20_000]);
      const dossiers = Number(process.env.BENCH_CHECK_DOSSIERS ?? 1_000_000);
      const feedback = Number(process.env.BENCH_CHECK_FEEDBACK ?? 100_000);
      await checkBench(
        pg,
        procedures.map((p) => ({ procedures: p, dossiers, feedback })),
      );
    } finally {
      await pg.stop();
    }
    if (only === 'check') return;
  }
  if (only === undefined || only === 'report') {
    const pg = await benchPostgres();
    try {
      await reportBench(
        pg,
        sizesFromEnv('BENCH_REPORT_DOSSIERS', [1_000_000, 5_000_000]),
        Number(process.env.BENCH_CHANGED ?? 10_000),
      );
    } finally {
      await pg.stop();
    }
    if (only === 'report') return;
  }
  if (only !== 'graph') {
    const pg = await benchPostgres();
    try {
      if (only !== 'dossier-sync') await consoleBench(pg);
      await dossierSyncBench(
        pg,
        sizesFromEnv('BENCH_DOSSIERS', [100_000, 1_000_000]),
        Number(process.env.BENCH_CHANGED ?? 10_000),
      );
    } finally {
      await pg.stop();
    }
  }
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
