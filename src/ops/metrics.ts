/** Prometheus text for scrapers: per-source freshness and run outcomes, from the ledger. */
import type { Orm } from '../db/orm';

export async function metricsText(orm: Orm): Promise<string> {
  const em = orm.em.fork();
  const runs = await em.execute<{ source: string; status: string; n: string }[]>(
    `select source, status, count(*) as n from sync_run group by source, status order by source, status`,
  );
  const last = await em.execute<{ source: string; at: string | null }[]>(
    `select source, extract(epoch from max(finished_at)) as at from sync_run where status = 'SUCCEEDED' group by source`,
  );
  const lines = [
    '# HELP hub_sync_runs_total Sync runs by source and final status.',
    '# TYPE hub_sync_runs_total counter',
    ...runs.map((r) => `hub_sync_runs_total{source="${r.source}",status="${r.status}"} ${r.n}`),
    '# HELP hub_source_last_success_seconds Unix time of the last successful sync of a source.',
    '# TYPE hub_source_last_success_seconds gauge',
    ...last.map((r) => `hub_source_last_success_seconds{source="${r.source}"} ${Number(r.at ?? 0)}`),
    '# HELP hub_up The hub answers.',
    '# TYPE hub_up gauge',
    'hub_up 1',
  ];
  return `${lines.join('\n')}\n`;
}
