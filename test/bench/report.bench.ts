/**
 * Report benchmarks (issue 11): form 06 for 2020, grouped by agency with roll-up, through
 * the report module (from the month rollup `dossier_fact_month`, and from `dossier_fact`)
 * beside one hand-written query over the raw dossier rows, at each size; the cost of keeping
 * `dossier_fact` and the rollup current through an incremental sync of 10k changed dossiers
 * (the dossier writer's upserts with every report trigger, without the rollup's, without
 * any, each run on dossiers of its own; and the trigger functions' own time as PostgreSQL
 * tracks it); and the statements one report request sends.
 */
import { Client } from 'pg';
import { contentHash } from '../../src/db/upsert';
import { dossierReport, type Form06Query } from '../../src/modules/report';
import { loadDossiers, RAW_FORM06_SQL, seedReportWorld } from './report-data';
import type { BenchPostgres } from './support';
import { fmt, loadAverage } from './support';

const PERIOD = { from: '2020-01-01', to: '2020-12-31' };
const CHUNK = 250_000;
const RUNS = 3;

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm the cache and the plan
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

/** Runs `fn` counting the statements the ORM's connection sends. */
async function statementsOf(
  orm: { em: { getKnex(): { on(e: string, f: () => void): void; off(e: string, f: () => void): void } } },
  fn: () => Promise<unknown>,
) {
  let n = 0;
  const count = () => {
    n++;
  };
  const knex = orm.em.getKnex();
  knex.on('query', count);
  try {
    await fn();
  } finally {
    knex.off('query', count);
  }
  return n;
}

type Mode = 'both' | 'facts' | 'neither';
/** Mirrored, so drift over the runs (caches filling, checkpoints) falls on every mode alike. */
const MODES: Mode[] = ['both', 'facts', 'neither', 'neither', 'facts', 'both'];
/** The trigger functions whose time PostgreSQL tracks (track_functions): the rollup's, the facts'. */
const ROLLUP_FUNCTIONS = {
  agency: ['dossier_fact_month_after_insert', 'dossier_fact_month_after_update'],
  listing: ['dossier_fact_month_listing_after_insert', 'dossier_fact_month_listing_after_update'],
};
const FACT_FUNCTION = 'dossier_fact_after_dossier_write';

interface Incremental {
  /** Mean wall time of the sync's statements per mode, ms. */
  ms: Record<Mode, number>;
  /** Time PostgreSQL spent in the rollup's trigger functions, and in the facts' own (nested rollup time taken out), per run with both, ms. */
  rollupMs: { agency: number; listing: number } | null;
  factsMs: number | null;
  checked: unknown;
}

/** Total time per tracked function so far (pending statistics flushed first). */
async function functionTimes(pg: Client): Promise<Map<string, number>> {
  await pg.query('select pg_stat_force_next_flush()');
  await pg.query('select pg_stat_clear_snapshot()');
  const { rows } = await pg.query<{ name: string; ms: number }>(
    'select funcname as name, total_time as ms from pg_stat_user_functions',
  );
  return new Map(rows.map((r) => [r.name, r.ms]));
}

/** Run `index` of the incremental sync: `changed` dossiers completed, in batches of 1,000; ms. */
async function changeDossiers(pg: Client, index: number, changed: number, total: number): Promise<number> {
  const started = process.hrtime.bigint();
  for (let k = 0; k < changed; k += 1000) {
    // Like the sync's batches: rows as one JSON parameter, upserted by key, completed now.
    const rows = Array.from({ length: Math.min(1000, changed - k) }, (_, j) => {
      const code = `B${String(1 + (((index * changed + k + j) * 7919) % total)).padStart(9, '0')}`;
      return {
        code,
        completed_at: new Date(Date.UTC(2020, 11, 1 + (j % 28))).toISOString(),
        status: 'RETURNED',
        content_hash: contentHash([code, String(index)], null),
      };
    });
    await pg.query(
      `update dossier d set completed_at = x.completed_at, status = x.status, content_hash = x.content_hash, updated_at = now()
       from jsonb_to_recordset($1::jsonb) as x(code text, completed_at timestamptz, status text, content_hash text)
       where d.code = x.code`,
      [JSON.stringify(rows)],
    );
  }
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** `run` with the triggers of `mode` on, timed; with `tracked`, the trigger functions' time too. */
async function timedRun(pg: Client, mode: Mode, tracked: boolean, run: () => Promise<number>) {
  // The rollup's triggers are the only ones on dossier_fact.
  if (mode !== 'both') await pg.query('alter table dossier_fact disable trigger user');
  if (mode === 'neither') await pg.query('alter table dossier disable trigger user');
  try {
    const before = tracked ? await functionTimes(pg) : new Map<string, number>();
    const ms = await run();
    const after = tracked ? await functionTimes(pg) : new Map<string, number>();
    const spent = (name: string) => (after.get(name) ?? 0) - (before.get(name) ?? 0);
    const rollupMs = {
      agency: ROLLUP_FUNCTIONS.agency.reduce((sum, f) => sum + spent(f), 0),
      listing: ROLLUP_FUNCTIONS.listing.reduce((sum, f) => sum + spent(f), 0),
    };
    return { ms, rollupMs, factsMs: spent(FACT_FUNCTION) - rollupMs.agency - rollupMs.listing };
  } finally {
    await pg.query('alter table dossier enable trigger user');
    await pg.query('alter table dossier_fact enable trigger user');
  }
}

/**
 * The sync's writes of `changed` changed dossiers, in batches of 1,000, once per mode of
 * MODES: with the facts' and the rollup's triggers, with the facts' only, with neither. Each
 * run changes dossiers no other run touched (codes (run × changed + i) × 7919 mod total, a
 * prime step, so disjoint), so every run writes new facts and meets cold pages alike: the
 * first version of this bench changed the same dossiers to the same dates in each run, so
 * its "facts only" run wrote no fact at all, on pages the first run had just warmed, and
 * the difference it called the rollup's cost was mostly the facts' writes and a cold cache.
 * With track_functions (a superuser setting; skipped when refused), PostgreSQL also times
 * the trigger functions themselves in the runs with both.
 */
async function incremental(
  pg: Client,
  changed: number,
  total: number,
  afterFirst: () => Promise<unknown>,
): Promise<Incremental> {
  const tracked = await pg.query("set track_functions = 'pl'").then(
    () => true,
    () => false,
  );
  const ms: Record<Mode, number> = { both: 0, facts: 0, neither: 0 };
  const rollupMs = { agency: 0, listing: 0 };
  let factsMs = 0;
  let checked: unknown;
  for (const [index, mode] of MODES.entries()) {
    const t = await timedRun(pg, mode, tracked, () => changeDossiers(pg, index, changed, total));
    ms[mode] += t.ms / 2;
    if (mode === 'both') {
      rollupMs.agency += t.rollupMs.agency / 2;
      rollupMs.listing += t.rollupMs.listing / 2;
      factsMs += t.factsMs / 2;
    }
    // Only the first run leaves both tables current (later ones skip triggers in turn).
    if (index === 0) checked = await afterFirst();
  }
  // The database is dropped right after.
  return { ms, rollupMs: tracked ? rollupMs : null, factsMs: tracked ? factsMs : null, checked };
}

/** The month rollup's report equals the fact-backed one, every row and figure. */
async function rollupAgrees(db: BenchDatabase, query: Form06Query): Promise<boolean> {
  const fromRollup = await dossierReport(db.orm.em.fork(), query);
  const fromFacts = await dossierReport(db.orm.em.fork(), query, 'facts');
  return JSON.stringify(fromRollup) === JSON.stringify(fromFacts);
}

type BenchDatabase = Awaited<ReturnType<BenchPostgres['database']>>;

/** Whether the hub's figures equal the raw query's (the figures the raw query has). */
function agreesWithRaw(
  ours: Awaited<ReturnType<typeof dossierReport>>,
  base: Record<string, number | string>[],
) {
  const baseTotal = base.find((r) => r.key === 'TOTAL')!;
  return (
    ours.total.received === baseTotal.received &&
    ours.total.resolvedLate === baseTotal.late &&
    ours.total.inProgressOverdue === baseTotal.overdue &&
    ours.total.waitingSupplement === baseTotal.waiting &&
    ours.rows.length === base.length - 1 &&
    ours.rows.every((r) =>
      base.some((b) => b.key === r.key && b.received === r.received && b.on_time === r.resolvedOnTime),
    )
  );
}

const yes = (b: boolean) => (b ? 'yes' : 'NO');

export async function reportBench(bench: BenchPostgres, sizes: number[], changed: number): Promise<void> {
  console.log('\n## Reports: form 06 for 2020, by agency with roll-up (PROVINCIAL)');
  console.log(
    '(2 cores shared by several helpers at once: absolute times are noisy; the ratios are measured in the same run)',
  );
  console.log(
    '| dossiers | years of data | load (insert + facts + rollup + indexes) s | rollup rows (by agency; by listing) | report from rollup ms | report from facts ms | raw SQL baseline ms | rollup / raw | facts / raw | figures agree (raw; rollup = facts) | by sector from rollup ms | by sector from facts ms | by sector: rollup = facts | statements per request | load avg 1/5/15 |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|---:|---|');
  for (const size of sizes) {
    const db = await bench.database();
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      await pg.query('select setseed(0.42)');
      await seedReportWorld(pg);
      const years = Math.max(1, Math.round(size / 1_000_000));
      const loadStart = Date.now();
      await loadDossiers(pg, size, years, CHUNK);
      const loadS = (Date.now() - loadStart) / 1000;
      const { rows: rollupRows } = await pg.query<{ a: number; l: number }>(
        'select (select count(*) from dossier_fact_month)::int as a, (select count(*) from dossier_fact_month_listing)::int as l',
      );
      const query = { period: PERIOD, groupBy: 'AGENCY' as const, rule: 'PROVINCIAL' as const, rollUp: true };
      const hub = await median(() => dossierReport(db.orm.em.fork(), query));
      const facts = await median(() => dossierReport(db.orm.em.fork(), query, 'facts'));
      const bySector = { ...query, groupBy: 'SECTOR' as const, rollUp: false };
      const sectorHub = await median(() => dossierReport(db.orm.em.fork(), bySector));
      const sectorFacts = await median(() => dossierReport(db.orm.em.fork(), bySector, 'facts'));
      const sectorSame = await rollupAgrees(db, bySector);
      const raw = await median(() => pg.query(RAW_FORM06_SQL, [PERIOD.from, PERIOD.to]));
      const ours = await dossierReport(db.orm.em.fork(), query);
      const base = (await pg.query(RAW_FORM06_SQL, [PERIOD.from, PERIOD.to])).rows as Record<
        string,
        number | string
      >[];
      const agree = agreesWithRaw(ours, base);
      const same = await rollupAgrees(db, query);
      const statements = await statementsOf(db.orm, () => dossierReport(db.orm.em.fork(), query));
      console.log(
        `| ${fmt(size)} | ${years} | ${fmt(loadS, 1)} | ${fmt(rollupRows[0]!.a)}; ${fmt(rollupRows[0]!.l)} | ${fmt(hub)} | ${fmt(facts)} | ${fmt(raw)} | ${fmt(hub / raw, 3)} | ${fmt(facts / raw, 2)} | ${yes(agree)}; ${yes(same)} | ${fmt(sectorHub)} | ${fmt(sectorFacts)} | ${yes(sectorSame)} | ${statements} | ${loadAverage()} |`,
      );
      if (size === sizes[sizes.length - 1]) {
        const inc = await incremental(pg, changed, size, () => rollupAgrees(db, query));
        const timed =
          inc.rollupMs === null
            ? 'trigger functions not timed (track_functions refused)'
            : `time in the trigger functions themselves (track_functions), per run with both: the rollups' ${fmt(inc.rollupMs.agency)} ms by agency and ${fmt(inc.rollupMs.listing)} ms by listing, the facts' ${fmt(inc.factsMs!)} ms`;
        console.log(
          `\nIncremental sync of ${fmt(changed)} changed dossiers on ${fmt(size)} rows, batches of 1,000, each run on dossiers no other run changed, mean of 2 runs per mode (order ${MODES.join(', ')}): ${fmt(inc.ms.both)} ms with dossier_fact and dossier_fact_month kept current in the same statements, ${fmt(inc.ms.facts)} ms with dossier_fact only, ${fmt(inc.ms.neither)} ms with neither: bringing the rollup up to date ≈ ${fmt(inc.ms.both - inc.ms.facts)} ms, the facts ≈ ${fmt(inc.ms.facts - inc.ms.neither)} ms; ${timed}; rollup = facts after the first run: ${yes(Boolean(inc.checked))}; load avg ${loadAverage()}.`,
        );
      }
    } finally {
      await pg.end();
      await db.drop();
    }
  }
}
