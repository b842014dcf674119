/**
 * One stream's walk: every page is written in one transaction together with its
 * checkpoint and the run's counters, so whatever is committed is exactly what the
 * checkpoint says, and a killed process resumes after the last committed page.
 */

import type { Page, RequestStats, Stream } from '../../connectors/kit/types';
import type { Orm } from '../db/orm';
import { upsertRows } from '../db/upsert';
import { HubError } from '../domain/errors';
import type { Source } from '../domain/model';
import { type DeletionOutcome, detectDeletions, forgetSeen, recordSeen } from './deletions';
import { addCounts } from './ledger';
import { quarantine, resolveQuarantined } from './quarantine';
import { readAhead } from './read-ahead';
import { eraseWritten } from './retention';
import { closeWalk, loadState, maxCursor, saveWalk } from './state';
import { type SyncCounts, zeroCounts } from './sync-run.entity';
import { writerFor } from './writers';

export interface WalkPlan {
  full: boolean;
  /** The run whose seen keys this walk extends (an earlier run when resuming). */
  walkRunId: string;
  resumeFrom: string | null;
  cursorBefore: string | null;
  walkCursor: string | null;
}

export interface WalkResult {
  plan: WalkPlan;
  cursorAfter: string | null;
  counts: SyncCounts;
  deletion: DeletionOutcome | null;
}

export interface WalkProgress {
  stream: string;
  pages: number;
  fetched: number;
}

/** Resume an open walk when there is one (a full one even if this run asked for less). */
export async function planWalk(
  orm: Orm,
  source: Source,
  stream: string,
  runId: string,
  full: boolean,
): Promise<WalkPlan> {
  const state = await loadState(orm.em.fork(), source, stream);
  const canResume = state.walkRunId !== null && (state.walkFull || !full);
  if (canResume) {
    return {
      full: state.walkFull,
      walkRunId: state.walkRunId!,
      resumeFrom: state.walkCheckpoint,
      cursorBefore: state.cursor,
      walkCursor: state.walkCursor,
    };
  }
  // With no cursor yet, an incremental walk reads everything: it is a full walk.
  const isFull = full || state.cursor === null;
  return { full: isFull, walkRunId: runId, resumeFrom: null, cursorBefore: state.cursor, walkCursor: null };
}

function statsDelta(now: RequestStats, before: RequestStats) {
  return {
    requests: now.requests - before.requests,
    retries: now.retries - before.retries,
    throttled: now.throttled - before.throttled,
  };
}

interface WalkArgs {
  orm: Orm;
  source: Source;
  stream: Stream<unknown>;
  runId: string;
  plan: WalkPlan;
  stats: RequestStats;
  guardPercent: number;
  /** PII_RETENTION_DAYS: written rows closed past it are erased at once (src/sync/retention.ts). */
  piiRetentionDays?: number | null;
  signal?: AbortSignal;
  onPage?: (p: WalkProgress) => void;
}

type Writer = ReturnType<typeof writerFor>;

export async function walkStream(args: WalkArgs): Promise<WalkResult> {
  const { stream, plan } = args;
  const writer = writerFor(args.source, stream.name);
  const counts: SyncCounts = zeroCounts();
  let walkCursor = plan.walkCursor;
  let seenStats = { ...args.stats };
  // The walk is recorded as open by its first committed page: a walk that commits
  // nothing leaves nothing to resume.

  const pages = readAhead(
    stream.read({
      full: plan.full,
      cursor: plan.cursorBefore,
      resumeFrom: plan.resumeFrom,
      signal: args.signal,
    }),
  );
  for await (const page of pages) {
    const requests = statsDelta(args.stats, seenStats);
    seenStats = { ...args.stats };
    walkCursor = maxCursor(walkCursor, page.cursor);
    const pageCounts = await writePage(args, writer, page, walkCursor, requests);
    for (const [k, v] of Object.entries(pageCounts)) counts[k as keyof SyncCounts] += v;
    args.onPage?.({ stream: stream.name, pages: counts.pages, fetched: counts.fetched });
    if (args.signal?.aborted) throw new WalkInterrupted();
  }
  const deletion = await completeWalk(args, writer, walkCursor);
  if (deletion) counts.deleted += deletion.deleted;
  return { plan, cursorAfter: walkCursor ?? plan.cursorBefore, counts, deletion };
}

/** One page, its checkpoint and the run's counters, in one transaction. */
async function writePage(
  args: WalkArgs,
  writer: Writer,
  page: Page<unknown>,
  cursor: string | null,
  requests: ReturnType<typeof statsDelta>,
): Promise<Partial<SyncCounts>> {
  const { source, stream, runId, plan } = args;
  const rows = page.items.map((i) => ({ key: i.key, values: writer.toValues(i.row), raw: i.raw }));
  return args.orm.em.fork().transactional(async (em) => {
    const written = await upsertRows(em, writer.spec, rows);
    const keys = rows.map((r) => r.key);
    if (written.inserted + written.updated > 0) await eraseWritten(em, writer, keys, args.piiRetentionDays);
    // A record upstream still sends, even in a shape we reject, is not deleted.
    const rejectedKeys = page.rejected.flatMap((r) => (r.externalKey ? [r.externalKey] : []));
    if (plan.full) await recordSeen(em, plan.walkRunId, stream.name, [...keys, ...rejectedKeys]);
    await resolveQuarantined(em, { source, stream: stream.name, keys });
    const quarantined = await quarantine(em, { source, stream: stream.name, runId, rejected: page.rejected });
    await saveWalk(em, source, stream.name, {
      runId: plan.walkRunId,
      full: plan.full,
      checkpoint: page.checkpoint,
      cursor,
    });
    const c = {
      pages: 1,
      fetched: page.items.length + page.rejected.length,
      quarantined,
      ...written,
      ...requests,
    };
    await addCounts(em, runId, c);
    return c;
  });
}

/** The walk is complete: only now may the cursor move, and only now may deletions happen. */
async function completeWalk(
  args: WalkArgs,
  writer: Writer,
  cursor: string | null,
): Promise<DeletionOutcome | null> {
  const { source, stream, runId, plan } = args;
  return args.orm.em.fork().transactional(async (em) => {
    let deletion: DeletionOutcome | null = null;
    if (plan.full) {
      deletion = await detectDeletions(em, {
        spec: writer.spec,
        walkRunId: plan.walkRunId,
        stream: stream.name,
        guardPercent: args.guardPercent,
      });
      if (!deletion.held) await forgetSeen(em, plan.walkRunId, stream.name);
      if (deletion.deleted) await addCounts(em, runId, { deleted: deletion.deleted });
    }
    await closeWalk(em, source, stream.name, { cursor, full: plan.full });
    return deletion;
  });
}

export class WalkInterrupted extends HubError {
  constructor() {
    super('sync_interrupted', 'sync_interrupted: stopped after the last committed page', { retryable: true });
  }
}
