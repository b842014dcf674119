/**
 * The hub's graph in its own process, over the bench database: the benchmark measures
 * this process's CPU, and `--cpu-prof` profiles it alone. Prints `ready <url>`; answers a
 * `mem` line on stdin with `mem {rss, heapUsed, heapTotal}` after a full collection (when
 * started with --expose-gc), for the load bench.
 */
import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { loadConfig } from '../../../src/config';
import { openOrm } from '../../../src/db/orm';
import { createLogger } from '../../../src/log';
import { CheckService } from '../../../src/modules/check';
import { startServer } from '../../../src/server';
import { connectorFactory } from '../../../src/sync/connectors';
import { SyncService } from '../../../src/sync/sync.service';

async function main() {
  const url = process.argv[2];
  if (!url) throw new Error('usage: hub-process <database url>');
  const log = createLogger('silent');
  const config = loadConfig({
    HUB_SIMULATE: '0',
    NATIONAL_URL: 'http://127.0.0.1:9',
    IGATE_URL: 'http://127.0.0.1:9',
    PAKN_URL: 'http://127.0.0.1:9',
    PII_SALT: 'bench-salt-0123456789',
    LOG_LEVEL: 'silent',
  });
  const orm = await openOrm(url);
  const server = await startServer({
    orm,
    services: {
      config,
      sync: new SyncService(orm, config, log, connectorFactory(config, log)),
      checks: new CheckService(orm, log),
    },
    log,
    port: 0,
    host: '127.0.0.1',
    adminKey: process.env.BENCH_KEY ?? 'bench-admin-key-0123456789',
    exposeKeyInGraphiql: false,
  });
  process.stdout.write(`ready ${server.url}\n`);
  // Closing stdin (the benchmark ending) stops the server, so --cpu-prof writes its profile.
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() !== 'mem') return;
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed, heapTotal } = process.memoryUsage();
    process.stdout.write(`mem ${JSON.stringify({ rss, heapUsed, heapTotal })}\n`);
  });
  process.stdin.on('end', async () => {
    await server.close();
    await orm.close(true);
    process.exit(0);
  });
}

void main();
