/**
 * Dossier sync throughput (issues 3 and 4): a full iGate sync of N dossiers from the
 * simulator over real HTTP (the simulator in its own process), with peak memory, beside a
 * baseline measured in the same run: the same rows written with plain multi-row
 * INSERT … ON CONFLICT through `pg`. Then an incremental sync of 10k changed dossiers on
 * the N-row table: its cost should follow the changes, not the table.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { createIgateConnector } from '../../connectors/igate';
import { toDossier } from '../../connectors/igate/map-dossier';
import { startIgateSimulator } from '../../connectors/sim/igate/simulator';
import type { Orm } from '../../src/db/orm';
import { contentHash } from '../../src/db/upsert';
import { dossierWriter } from '../../src/modules/dossier/dossier.writer';
import { runSync } from '../../src/sync/runner';
import { type BenchPostgres, fmt, loadAverage, log, measure } from './support';

const SALT = 'bench-salt-0123456789';
const BATCH = 1000;
const LAG_MS = 200;

/** The simulator in a child process: its URL, and `bump(n)` to change n dossiers. */
async function simulatorProcess(dossiers: number) {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', path.join(__dirname, 'igate-sim-process.ts'), String(dossiers)],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async (prefix: string) => {
    const { value } = await lines.next();
    if (typeof value !== 'string' || !value.startsWith(prefix)) throw new Error(`simulator said ${value}`);
    return value.slice(prefix.length).trim();
  };
  const url = await next('ready ');
  return {
    url,
    async bump(n: number): Promise<number> {
      child.stdin!.write(`bump ${n}\n`);
      return Number(await next('bumped '));
    },
    close: () => child.kill(),
  };
}

function hubSync(url: string, orm: Orm) {
  // A 200 ms window lag instead of the default 2 s: catch-up windows wait out the lag, and
  // the benchmark measures work, not that wait.
  const connector = createIgateConnector({
    url,
    clientId: 'tthc-hub',
    clientSecret: 'hub-secret',
    piiSalt: SALT,
    windowLagMs: LAG_MS,
  });
  return runSync(
    { orm, log, connector, settings: { abandonAfterMs: 120_000, deleteGuardPercent: 20 } },
    { trigger: 'CLI' },
  ).finally(() => connector.close?.());
}

/** The same dossier rows, written with nothing but multi-row INSERT … ON CONFLICT; only the writes are timed. */
async function baseline(url: string, n: number): Promise<{ ms: number; rows: number }> {
  const source = await startIgateSimulator({ seed: 2020, dossiers: n, port: 0, faults: { rate: 0 } });
  const spec = dossierWriter.spec;
  const columns = [spec.key, ...Object.keys(spec.columns), 'raw', 'content_hash'];
  const types: Record<string, string> = { ...spec.columns, raw: 'jsonb' };
  const updates = columns
    .slice(1)
    .map((c) => `"${c}" = excluded."${c}"`)
    .join(', ');
  const client = new Client({ connectionString: url });
  await client.connect();
  let ms = 0;
  let rows = 0;
  try {
    for (let start = 0; start < n; start += BATCH) {
      const params: unknown[] = [];
      const tuples: string[] = [];
      for (let i = start; i < Math.min(start + BATCH, n); i++) {
        const raw = source.rawDossier(i);
        const mapped = toDossier(raw, SALT);
        if (!mapped.ok) continue;
        const values = dossierWriter.toValues(mapped.record);
        const row: Record<string, unknown> = {
          ...values,
          [spec.key]: mapped.record.code,
          raw,
          content_hash: contentHash(values, raw),
        };
        const slots = columns.map((c) => {
          const v = row[c] ?? null;
          params.push(types[c] === 'jsonb' && v !== null ? JSON.stringify(v) : v);
          return `$${params.length}`;
        });
        tuples.push(`(${slots.join(', ')})`);
      }
      const sql = `insert into "${spec.table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${tuples.join(', ')}
        on conflict ("${spec.key}") do update set ${updates}`;
      const t = process.hrtime.bigint();
      await client.query(sql, params);
      ms += Number(process.hrtime.bigint() - t) / 1e6;
      rows += tuples.length;
    }
  } finally {
    await client.end();
    await source.close();
  }
  return { ms, rows };
}

/**
 * The report table's triggers on `dossier` (Migration20261201110000_dossier_fact), off or on:
 * the "no report upkeep" run is the sync as it was before issue 11, in the same conditions.
 */
async function reportUpkeep(orm: Orm, on: boolean): Promise<void> {
  const verb = on ? 'enable' : 'disable';
  for (const t of ['dossier_fact_insert', 'dossier_fact_update', 'dossier_fact_delete'])
    await orm.em.fork().execute(`alter table dossier ${verb} trigger "${t}"`);
}

/** The time refresh_dossier_facts takes over the given dossiers (what the triggers do, once). */
async function refreshTime(orm: Orm, since: string): Promise<{ ms: number; rows: number }> {
  const em = orm.em.fork();
  const [row] = await em.execute<{ n: string }[]>(
    `select count(*) as n from dossier where updated_at >= ?::timestamptz`,
    [since],
  );
  const started = process.hrtime.bigint();
  await em.execute(
    `select refresh_dossier_facts(array(select code from dossier where updated_at >= ?::timestamptz))`,
    [since],
  );
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, rows: Number(row?.n) };
}

async function count(orm: Orm): Promise<number> {
  const [row] = await orm.em.fork().execute(`select count(*) as n from dossier`);
  return Number(row?.n);
}

export async function dossierSyncBench(pg: BenchPostgres, sizes: number[], changed: number): Promise<void> {
  console.log('\n## Dossier sync (iGate simulator in its own process, over HTTP → PostgreSQL)\n');
  console.log(
    `| dossiers | hub full sync | same, no report upkeep | upkeep ratio | hub dossiers/s | peak RSS | peak heap | baseline INSERT…ON CONFLICT | baseline rows/s | hub / baseline | incremental, ${fmt(changed)} changed | same, no report upkeep | facts of the changed dossiers, once | load avg 1/5/15 |`,
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const n of sizes) {
    const sim = await simulatorProcess(n);
    const hubDb = await pg.database();
    const plainDb = await pg.database();
    const baseDb = await pg.database();
    try {
      // The same full sync twice, into two databases: with the report table's triggers and
      // without them (the write path before issue 11), so their ratio shares one load. With
      // them first: whatever the second run gains from a warm simulator favours the other.
      await reportUpkeep(plainDb.orm, false);
      const full = await measure(() => hubSync(sim.url, hubDb.orm));
      if (full.result.status !== 'SUCCEEDED')
        throw new Error(`bench sync ended ${full.result.status}: ${full.result.errorMessage}`);
      const plain = await measure(() => hubSync(sim.url, plainDb.orm));
      if (plain.result.status !== 'SUCCEEDED')
        throw new Error(`bench sync ended ${plain.result.status}: ${plain.result.errorMessage}`);
      const stored = await count(hubDb.orm);
      const base = await baseline(baseDb.url, n);
      const bumped = await sim.bump(changed);
      // The connector reads only windows that ended LAG_MS ago (rows committed late upstream).
      await new Promise((r) => setTimeout(r, LAG_MS + 100));
      const [clock] = await hubDb.orm.em.fork().execute<{ now: string }[]>(`select now()::text as now`);
      const inc = await measure(() => hubSync(sim.url, hubDb.orm));
      const plainInc = await measure(() => hubSync(sim.url, plainDb.orm));
      if (inc.result.status !== 'SUCCEEDED' || plainInc.result.status !== 'SUCCEEDED')
        throw new Error(`incremental sync ended ${inc.result.status}: ${inc.result.errorMessage}`);
      const refresh = await refreshTime(hubDb.orm, clock!.now);

      console.log(
        `| ${fmt(n)} | ${fmt(full.ms / 1000, 1)} s | ${fmt(plain.ms / 1000, 1)} s | ${fmt(full.ms / plain.ms, 2)}× | ${fmt(stored / (full.ms / 1000))} | ${fmt(full.peakRssMb)} MB | ${fmt(full.peakHeapMb)} MB | ` +
          `${fmt(base.ms / 1000, 1)} s | ${fmt(base.rows / (base.ms / 1000))} | ${fmt(full.ms / base.ms, 2)}× | ` +
          `${fmt(inc.ms / 1000, 2)} s (${fmt(inc.result.counts.updated)} of ${fmt(bumped)} updated; peak heap ${fmt(inc.peakHeapMb)} MB) | ` +
          `${fmt(plainInc.ms / 1000, 2)} s | ${fmt(refresh.ms)} ms for ${fmt(refresh.rows)} | ${loadAverage()} |`,
      );
    } finally {
      sim.close();
      await hubDb.drop();
      await plainDb.drop();
      await baseDb.drop();
    }
  }
  console.log(
    "\nhub / baseline: the hub's whole sync (HTTP, validation, mapping, hashing, ledger, checkpoints) over the baseline's write time alone." +
      ' No report upkeep: the same sync with the dossier_fact triggers disabled (the write path before issue 11).' +
      " Facts of the changed dossiers: refresh_dossier_facts over the incremental sync's rows in one call.",
  );
}
