/**
 * The graph benchmark's database: a simulated province synced through the hub's own
 * connectors (national catalogue, iGate listings and agencies, PAKN feedback, a few
 * thousand dossiers), then dossiers multiplied in SQL to BENCH_GRAPH_DOSSIERS (default
 * 200,000): a sync of 200k over HTTP would take minutes, and the graph only reads rows.
 * Kept in an embedded PostgreSQL under .data/bench (git-ignored, like the hub's own data), reused while its
 * recipe is unchanged; pg_stat_statements is loaded so each request's SQL can be counted.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../../../src/config';
import { startEmbeddedPostgres } from '../../../src/db/embedded';
import { migrate, openOrm } from '../../../src/db/orm';
import { pointAtSimulators, startSimulators } from '../../../src/simulate';
import { connectorFactory } from '../../../src/sync/connectors';
import { SyncService } from '../../../src/sync/sync.service';
import { freePort } from '../../support/net';
import { log } from '../support';

export const CACHE_DIR = path.resolve(__dirname, '..', '..', '..', '.data', 'bench');
const DATABASE = 'hub_graph_bench';
const SYNCED_DOSSIERS = 4_000;
const FEEDBACKS = 20_000;

export interface BenchDatabase {
  /** The bench database, as the hub and PostGraphile connect to it. */
  url: string;
  /** The same server's `postgres` database: for measuring, so it does not count itself. */
  adminUrl: string;
  dossiers: number;
  stop(): Promise<void>;
}

function recipe(dossiers: number): string {
  return JSON.stringify({ v: 1, dossiers, synced: SYNCED_DOSSIERS, feedbacks: FEEDBACKS });
}

export async function benchDatabase(dossiers: number): Promise<BenchDatabase> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const dataDir = path.join(CACHE_DIR, 'graph-pg');
  const fresh = !existsSync(path.join(dataDir, 'pg', 'PG_VERSION'));
  let pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), log, database: 'postgres' });
  const adminUrl = pg.url;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const libs = await admin.query<{ v: string }>(`select current_setting('shared_preload_libraries') as v`);
  await admin.end();
  if (!libs.rows[0]?.v.includes('pg_stat_statements')) {
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`alter system set shared_preload_libraries = 'pg_stat_statements'`);
    await c.query(`alter system set pg_stat_statements.track = 'all'`);
    await c.end();
    await pg.stop();
    pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), log, database: 'postgres' });
  }
  const u = new URL(pg.url);
  u.pathname = `/${DATABASE}`;
  const url = u.toString();
  const admin2 = new Client({ connectionString: pg.url });
  await admin2.connect();
  await admin2.query('create extension if not exists pg_stat_statements');
  const exists = await admin2.query('select 1 from pg_database where datname = $1', [DATABASE]);
  let ready = false;
  if (!fresh && exists.rowCount) {
    const c = new Client({ connectionString: url });
    await c.connect();
    const r = await c
      .query<{ value: string }>(`select value from bench_meta where key = 'recipe'`)
      .catch(() => ({ rows: [] as { value: string }[] }));
    await c.end();
    ready = r.rows[0]?.value === recipe(dossiers);
  }
  if (!ready) {
    await admin2.query(`drop database if exists ${DATABASE} with (force)`);
    await admin2.query(`create database ${DATABASE}`);
    await build(url, dossiers);
  } else {
    // A kept database gets the migrations written since (new indexes), then fresh statistics.
    const orm = await openOrm(url);
    const applied = await migrate(orm);
    await orm.close(true);
    if (applied.length) {
      console.log(`bench database: applied ${applied.join(', ')}`);
      const c = new Client({ connectionString: url });
      await c.connect();
      await c.query('vacuum analyze');
      await c.end();
    }
  }
  await admin2.end();
  return {
    url,
    adminUrl: pg.url,
    dossiers,
    stop: () => pg.stop(),
  };
}

async function build(url: string, dossiers: number): Promise<void> {
  const started = Date.now();
  console.log(`building the graph bench database (${dossiers} dossiers)…`);
  const orm = await openOrm(url);
  await migrate(orm);
  const config = loadConfig({
    HUB_SIMULATE: '1',
    PII_SALT: 'bench-salt-0123456789',
    LOG_LEVEL: 'silent',
    SIM_DOSSIERS: String(SYNCED_DOSSIERS),
    SIM_FEEDBACKS: String(FEEDBACKS),
  });
  const sims = await startSimulators(config, log);
  try {
    const effective = pointAtSimulators(config, sims);
    const sync = new SyncService(orm, effective, log, connectorFactory(effective, log));
    for (const source of ['NATIONAL', 'IGATE', 'PAKN'] as const) {
      const run = await sync.run(source, { trigger: 'CLI', full: true });
      if (run.status !== 'SUCCEEDED') throw new Error(`bench sync ${source}: ${run.status}`);
    }
  } finally {
    await sims.close();
    await orm.close(true);
  }
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await multiplyDossiers(c, dossiers);
    await c.query('create table bench_meta (key text primary key, value text not null)');
    await c.query(`insert into bench_meta values ('recipe', $1)`, [recipe(dossiers)]);
    await c.query('vacuum analyze');
  } finally {
    await c.end();
  }
  console.log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * Copies of the synced dossiers with new codes, each copy's update time moved back a few
 * minutes, until the table holds `target` rows: the same agencies, listings and status mix.
 */
async function multiplyDossiers(c: Client, target: number): Promise<void> {
  const { rows } = await c.query<{ n: string }>('select count(*) as n from dossier');
  const have = Number(rows[0]?.n ?? 0);
  const copies = Math.ceil(target / have) - 1;
  const cols = await c.query<{ column_name: string }>(
    `select column_name from information_schema.columns where table_name = 'dossier' order by ordinal_position`,
  );
  const names = cols.rows.map((r) => r.column_name);
  const expr = (n: string): string => {
    if (n === 'code' || n === 'external_id') return `d.${n} || '-' || lpad(g::text, 3, '0')`;
    if (n === 'source_updated_at') return `d.source_updated_at - g * interval '7 minutes 13 seconds'`;
    return `d.${n}`;
  };
  await c.query(
    `insert into dossier (${names.join(', ')})
     select ${names.map(expr).join(', ')} from dossier d cross join generate_series(1, $1::int) g
     order by g, d.code limit $2`,
    [copies, target - have],
  );
}
