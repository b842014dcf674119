/**
 * `npm run bench`: prints figures, with baselines measured in the same run. Not part of
 * `npm test`. Sizes: BENCH_DOSSIERS (default 100000,1000000), BENCH_CHANGED (10000).
 * Uses DATABASE_URL when set, else an embedded PostgreSQL.
 */
import 'reflect-metadata';
import os from 'node:os';
import { consoleBench } from './console.bench';
import { dossierSyncBench } from './dossier-sync.bench';
import { benchPostgres, sizesFromEnv } from './support';

async function main() {
  console.log(`# tthc-hub benchmarks — ${new Date().toISOString()}`);
  console.log(
    `node ${process.version}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; database: ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}`,
  );
  const pg = await benchPostgres();
  try {
    await consoleBench(pg);
    await dossierSyncBench(
      pg,
      sizesFromEnv('BENCH_DOSSIERS', [100_000, 1_000_000]),
      Number(process.env.BENCH_CHANGED ?? 10_000),
    );
  } finally {
    await pg.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
