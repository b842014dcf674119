/**
 * /metrics over real HTTP after real syncs (simulated portals), a check run and a few graph
 * requests: the exposition text is parsed and its values compared with the ledger, read
 * here with SQL, and with the requests this test sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKey } from '../../src/modules/keys';
import { MAX_OPERATION_NAMES } from '../../src/ops/metrics';
import type { Simulators } from '../../src/simulate';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestHub, TEST_KEY, type TestHub, testConfig } from '../support/hub';
import { simulatorUrls, startSmallSimulators } from '../support/sims';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The exposition format's sample lines (comments skipped). */
function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
      labels[l[1]!] = l[2]!;
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return samples;
}

function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    ?.value;
}

describe('/metrics', () => {
  let db: TestDatabase;
  let sims: Simulators;
  let hub: TestHub;
  let base: string;
  let metricsKey: string;
  let viewerKey: string;

  async function scrape(key: string | null = metricsKey): Promise<Sample[]> {
    const res = await fetch(`${base}/metrics`, { headers: key ? { 'x-api-key': key } : {} });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    return parse(await res.text());
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    sims = await startSmallSimulators({ procedures: 40, dossiers: 150, feedbacks: 30 });
    hub = await startTestHub(db, testConfig(simulatorUrls(sims)));
    base = hub.url.replace(/\/graphql$/, '');
    for (const source of ['NATIONAL', 'IGATE'] as const) {
      expect((await hub.services.sync.run(source, { trigger: 'CLI', full: true })).status).toBe('SUCCEEDED');
    }
    await hub.services.checks.run({ trigger: 'CLI' });
    const grant = { pii: false, agencyCode: null, ratePerMinute: null };
    metricsKey = (
      await createKey(db.orm.em.fork(), { ...grant, name: 'scraper', role: 'VIEWER', metrics: true })
    ).key;
    viewerKey = (
      await createKey(db.orm.em.fork(), { ...grant, name: 'viewer', role: 'VIEWER', metrics: false })
    ).key;
  }, 120_000);

  afterAll(async () => {
    await hub?.close();
    await sims?.close();
    await db?.drop();
  });

  it('wants a key with the metrics grant', async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { 'x-api-key': viewerKey } })).status).toBe(403);
    await scrape(TEST_KEY); // ADMIN keys may
  });

  it('counts operations by name, their durations and their errors by code', async () => {
    const before = await scrape();
    for (let i = 0; i < 3; i++) {
      expect((await hub.gql('query Agencies { agencies(first: 2) { totalCount } }')).errors).toBeUndefined();
    }
    await hub.gql('{ sources { source } }');
    const bad = await hub.gql('mutation Confirm { confirmDeletions(syncRunId: "abc") { id } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await hub.gql('{ sources { source } }', {}, 'wrong-key')).status).toBe(401);

    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) =>
      (value(after, name, labels) ?? 0) - (value(before, name, labels) ?? 0);
    expect(delta('hub_graphql_operations_total', { operation: 'Agencies' })).toBe(3);
    expect(delta('hub_graphql_operation_duration_seconds_count', { operation: 'Agencies' })).toBe(3);
    expect(
      delta('hub_graphql_operation_duration_seconds_bucket', { operation: 'Agencies', le: '+Inf' }),
    ).toBe(3);
    expect(
      value(after, 'hub_graphql_operation_duration_seconds_sum', { operation: 'Agencies' }),
    ).toBeGreaterThan(0);
    expect(delta('hub_graphql_operations_total', { operation: 'anonymous' })).toBe(1);
    expect(delta('hub_graphql_operations_total', { operation: 'Confirm' })).toBe(1);
    expect(delta('hub_graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBe(1);
    expect(delta('hub_graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
  });

  it('keeps the operation label bounded', async () => {
    for (let i = 0; i < MAX_OPERATION_NAMES + 20; i++) await hub.gql(`query Op${i} { sources { source } }`);
    await hub.gql('query Évaluer { sources { source } }').catch(() => null);
    const names = new Set(
      (await scrape())
        .filter((s) => s.name === 'hub_graphql_operations_total')
        .map((s) => s.labels.operation),
    );
    expect(names.size).toBeLessThanOrEqual(MAX_OPERATION_NAMES + 2);
    expect(names.has('other')).toBe(true);
    expect(names.has('anonymous')).toBe(true);
  }, 60_000);

  it("reports the ledger's runs, records, check runs, open findings and lag", async () => {
    const samples = await scrape();
    const em = db.orm.em.fork();
    const national = (
      await em.execute(
        `select fetched, inserted, updated, unchanged from sync_run where source = 'NATIONAL' and status = 'SUCCEEDED'`,
      )
    )[0]!;
    expect(value(samples, 'hub_sync_runs', { source: 'NATIONAL', status: 'SUCCEEDED' })).toBe(1);
    expect(value(samples, 'hub_sync_runs', { source: 'IGATE', status: 'SUCCEEDED' })).toBe(1);
    for (const outcome of ['fetched', 'inserted', 'updated', 'unchanged']) {
      expect(value(samples, 'hub_sync_records', { source: 'NATIONAL', status: 'SUCCEEDED', outcome })).toBe(
        Number(national[outcome]),
      );
    }
    expect(Number(national.inserted)).toBeGreaterThan(0);

    const checkRuns = await em.execute(`select status, count(*)::int as n from check_run group by status`);
    expect(checkRuns.length).toBeGreaterThan(0);
    for (const r of checkRuns) expect(value(samples, 'hub_check_runs', { status: r.status })).toBe(r.n);

    const open = await em.execute(
      `select kind, severity, count(*)::int as n from finding where status <> 'RESOLVED' group by 1, 2`,
    );
    const reported = samples.filter((s) => s.name === 'hub_findings_open');
    expect(open.length).toBeGreaterThan(0); // the simulated province has findings to report
    expect(reported.length).toBe(open.length);
    for (const r of open)
      expect(value(samples, 'hub_findings_open', { kind: r.kind, severity: r.severity })).toBe(r.n);

    const lag = value(samples, 'hub_source_lag_seconds', { source: 'NATIONAL' });
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThan(600);
    expect(value(samples, 'hub_source_lag_seconds', { source: 'PAKN' })).toBeUndefined();
    expect(value(samples, 'hub_source_stale', { source: 'NATIONAL' })).toBe(0);
    expect(value(samples, 'hub_source_stale', { source: 'PAKN' })).toBe(1);
  });

  it("reports this process's database pool", async () => {
    const samples = await scrape();
    const used = value(samples, 'hub_db_pool_connections', { pool: 'primary', state: 'used' });
    const free = value(samples, 'hub_db_pool_connections', { pool: 'primary', state: 'free' });
    expect(used).toBeGreaterThanOrEqual(0);
    expect((used ?? 0) + (free ?? 0)).toBeGreaterThan(0);
    expect(value(samples, 'hub_db_pool_connections', { pool: 'primary', state: 'pending' })).toBe(0);
    expect(value(samples, 'hub_up')).toBe(1);
  });

  it("reports the process's own figures under the hub_ prefix, once", async () => {
    const samples = await scrape();
    const rss = value(samples, 'hub_process_resident_memory_bytes');
    expect(rss).toBeGreaterThan(process.memoryUsage().rss / 100); // a real reading, of some MB
    expect(value(samples, 'hub_nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(samples.some((s) => s.name.startsWith('hub_process_process_'))).toBe(false);
  });
});
