/**
 * /metrics with prom-client, one registry per hub process. Two kinds of figures:
 *
 * - this process's own: graph operations and their duration by operation name, errors by
 *   `extensions.code`, the database pools' connections, Node's process metrics;
 * - the ledger's, read from PostgreSQL at each scrape (collect callbacks), so every
 *   replica reports the same database-wide values: sync runs and records by source and
 *   status, check runs, open findings by kind and severity, each source's lag.
 *
 * Label values are bounded: operation names are the client's choice, so only well-formed
 * names are kept, at most MAX_OPERATION_NAMES of them per process; the rest count as
 * `other`, unnamed operations as `anonymous`.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Orm } from '../db/orm';
import { SOURCES } from '../domain/model';
import { openFindingCounts } from '../modules/check';
import { sourceStatuses } from '../sync/sync.queries';

export const MAX_OPERATION_NAMES = 100;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
const RECORD_OUTCOMES = ['fetched', 'inserted', 'updated', 'unchanged', 'deleted', 'quarantined'] as const;

/** tarn's pool, as knex keeps it (MikroORM's driver → knex → client.pool). */
interface PoolFigures {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

export interface MetricsSources {
  orm: Orm;
  /** The read replica's ORM (DATABASE_READ_URL), when there is one: its pool is reported too. */
  readOrm?: Orm | null;
  staleAfterMs: number;
}

function poolOf(orm: Orm): PoolFigures | null {
  const knex = orm.em.getConnection().getKnex() as unknown as { client?: { pool?: PoolFigures } };
  return knex.client?.pool ?? null;
}

export class HubMetrics {
  readonly registry = new Registry();
  private readonly names = new Set<string>();
  readonly operations: Counter<'operation'>;
  readonly duration: Histogram<'operation'>;
  private readonly errors: Counter<'code'>;

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'hub_' });
    this.operations = new Counter({
      name: 'hub_graphql_operations_total',
      help: 'Graph operations answered by this process, by operation name.',
      labelNames: ['operation'],
      registers,
    });
    this.duration = new Histogram({
      name: 'hub_graphql_operation_duration_seconds',
      help: 'Time from receiving a graph operation to sending its answer, by operation name.',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.errors = new Counter({
      name: 'hub_graphql_errors_total',
      help: 'Errors answered by this process, by extensions.code (graph errors and refused HTTP requests).',
      labelNames: ['code'],
      registers,
    });
    this.ledgerMetrics(sources, registers);
    this.poolMetrics(sources, registers);
  }

  /** The label an operation is counted under. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.names.has(name)) return name;
    if (this.names.size >= MAX_OPERATION_NAMES) return 'other';
    this.names.add(name);
    return name;
  }

  /** One answered graph operation and how long it took. */
  answered(name: string | null | undefined, seconds: number): void {
    const operation = this.operationLabel(name);
    this.operations.inc({ operation });
    this.duration.observe({ operation }, seconds);
  }

  error(code: unknown): void {
    this.errors.inc({ code: typeof code === 'string' && ERROR_CODE.test(code) ? code : 'OTHER' });
  }

  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private ledgerMetrics({ orm, staleAfterMs }: MetricsSources, registers: Registry[]): void {
    const em = () => orm.em.fork();
    new Gauge({
      name: 'hub_sync_runs',
      help: 'Sync runs in the ledger (every replica), by source and status.',
      labelNames: ['source', 'status'],
      registers,
      async collect() {
        const rows = await em().execute<{ source: string; status: string; n: string }[]>(
          `select source, status, count(*) as n from sync_run group by source, status`,
        );
        this.reset();
        for (const r of rows) this.set({ source: r.source, status: r.status }, Number(r.n));
      },
    });
    new Gauge({
      name: 'hub_sync_records',
      help: "Records the ledger's runs handled, by source, the runs' status and what happened to the record (fetched, inserted, updated, unchanged, deleted, quarantined).",
      labelNames: ['source', 'status', 'outcome'],
      registers,
      async collect() {
        const rows = await em().execute<Record<string, string>[]>(
          `select source, status, ${RECORD_OUTCOMES.map((o) => `sum(${o}) as ${o}`).join(', ')}
             from sync_run group by source, status`,
        );
        this.reset();
        for (const r of rows)
          for (const outcome of RECORD_OUTCOMES)
            this.set({ source: r.source!, status: r.status!, outcome }, Number(r[outcome] ?? 0));
      },
    });
    new Gauge({
      name: 'hub_check_runs',
      help: 'Check runs in the ledger, by status.',
      labelNames: ['status'],
      registers,
      async collect() {
        const rows = await em().execute<{ status: string; n: string }[]>(
          `select status, count(*) as n from check_run group by status`,
        );
        this.reset();
        for (const r of rows) this.set({ status: r.status }, Number(r.n));
      },
    });
    new Gauge({
      name: 'hub_findings_open',
      help: 'Findings not resolved (open, acknowledged or won’t fix), by kind and severity.',
      labelNames: ['kind', 'severity'],
      registers,
      async collect() {
        const rows = await openFindingCounts(em());
        this.reset();
        for (const r of rows) this.set({ kind: r.kind, severity: r.severity }, r.count);
      },
    });
    // Lag and staleness from one reading of the sources (the graph's `sources` figures).
    let statuses: ReturnType<typeof sourceStatuses> | null = null;
    const readStatuses = () => {
      statuses ??= sourceStatuses(em(), { sources: [...SOURCES], configured: [], staleAfterMs }).finally(() =>
        setImmediate(() => {
          statuses = null;
        }),
      );
      return statuses;
    };
    new Gauge({
      name: 'hub_source_lag_seconds',
      help: "Seconds since a source's last successful sync (absent for a source never synced).",
      labelNames: ['source'],
      registers,
      async collect() {
        const rows = await readStatuses();
        this.reset();
        for (const r of rows) if (r.lagSeconds !== null) this.set({ source: r.source }, r.lagSeconds);
      },
    });
    new Gauge({
      name: 'hub_source_stale',
      help: '1 when a source has no successful sync within SOURCE_STALE_AFTER (or never had one).',
      labelNames: ['source'],
      registers,
      async collect() {
        const rows = await readStatuses();
        this.reset();
        for (const r of rows) this.set({ source: r.source }, r.stale ? 1 : 0);
      },
    });
    new Gauge({ name: 'hub_up', help: 'The hub answers.', registers }).set(1);
  }

  private poolMetrics({ orm, readOrm }: MetricsSources, registers: Registry[]): void {
    const pools: [string, Orm][] = [['primary', orm]];
    if (readOrm) pools.push(['read', readOrm]);
    new Gauge({
      name: 'hub_db_pool_connections',
      help: "This process's database pool: connections in use, free, and acquisitions waiting (pending).",
      labelNames: ['pool', 'state'],
      registers,
      collect() {
        this.reset();
        for (const [name, o] of pools) {
          const pool = poolOf(o);
          if (!pool) continue;
          this.set({ pool: name, state: 'used' }, pool.numUsed());
          this.set({ pool: name, state: 'free' }, pool.numFree());
          this.set({ pool: name, state: 'pending' }, pool.numPendingAcquires() + pool.numPendingCreates());
        }
      },
    });
  }
}
