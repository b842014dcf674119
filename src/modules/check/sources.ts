/**
 * Which kinds a run may judge: those whose every source's latest sync succeeded
 * (domain.md: "Checks compare only what was read completely"). A kind that may not is
 * skipped, and its findings stay as they were.
 */
import { FINDING_KINDS, type FindingKind, KIND_SOURCES } from '../../domain/finding';
import { SOURCES, type Source } from '../../domain/model';
import type { SeenSyncRun, SkippedKind } from './check-run.entity';
import type { Statements } from './statements';

export interface KindPlan {
  syncRuns: SeenSyncRun[];
  run: FindingKind[];
  skipped: SkippedKind[];
}

/** Why a source's data cannot be judged, or null when its latest sync succeeded. */
function unreadable(run: SeenSyncRun): string | null {
  if (run.status === null) return `${run.source} was never synced`;
  if (run.status === 'RUNNING') return `a ${run.source} sync (run ${run.runId}) is still running`;
  if (run.status !== 'SUCCEEDED')
    return `the latest ${run.source} sync (run ${run.runId}) ended ${run.status}`;
  return null;
}

export async function planKinds(sql: Statements, only?: readonly FindingKind[]): Promise<KindPlan> {
  // The latest run of each source, RUNNING ones included: a walk in progress has written
  // some pages and not others.
  const rows = await sql.query<{ source: Source; id: string; status: string; finished_at: Date | null }>(
    `select distinct on (source) source, id::text as id, status, finished_at
       from sync_run order by source, started_at desc, id desc`,
  );
  const syncRuns: SeenSyncRun[] = SOURCES.map((source) => {
    const r = rows.find((x) => x.source === source);
    return {
      source,
      runId: r?.id ?? null,
      status: r?.status ?? null,
      finishedAt: r?.finished_at ? new Date(r.finished_at).toISOString() : null,
    };
  });
  const plan: KindPlan = { syncRuns, run: [], skipped: [] };
  for (const kind of FINDING_KINDS) {
    if (only && !only.includes(kind)) continue;
    const reasons = KIND_SOURCES[kind]
      .map((s) => unreadable(syncRuns.find((r) => r.source === s) as SeenSyncRun))
      .filter((r): r is string => r !== null);
    if (reasons.length) plan.skipped.push({ kind, reason: reasons.join('; ') });
    else plan.run.push(kind);
  }
  return plan;
}
