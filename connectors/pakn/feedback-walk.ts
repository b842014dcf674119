import type { FeedbackRecord, LocalDate } from '../../src/domain/model';
import { compareLocalDate, localDateOf } from '../../src/domain/time';
import type { Logger } from '../kit/http';
import { paginate } from '../kit/paging';
import type { Mapped, Page, ReadOptions, Rejected, Stream } from '../kit/types';
import type { PaknClient } from './client';
import { feedbackKeyOf, redactFeedback, toFeedback } from './map';
import { afterPass, identityOf, type PassOutcome, PassWatch, startPosition, versionOf } from './pass';
import { decodePosition, encodePosition, shrunk, type WalkPosition } from './windows';

/**
 * The `feedbacks` stream: whole-day windows over `ngayCapNhat` (upstream-apis.md §3),
 * each paged with `trang`/`soBanGhi`, one Page per list page.
 *
 * Offset paging over rows that change while they are read skips rows: a row that leaves
 * the window (updated, so its day moves to today) or moves to its end shifts every later
 * row back by one, and the row crossing the page boundary is never served. Each pass over
 * a window therefore watches for the signs of movement (`tongSoBanGhi` changing between
 * pages, a record coming back on a later page, a page served twice) and reads the window
 * again, halved (fewer pages to get through quietly), down to a single day read up to
 * `maxPasses` times. Versions already yielded from those days are not yielded again, so
 * a re-read costs requests, not writes or counts. Only a quiet window moves the
 * cursor (the last fully read day); the next incremental run re-reads that day, which may
 * have gained rows since.
 */

export interface FeedbackWalkOptions {
  /** `soBanGhi`, at most 200. */
  pageSize: number;
  /** Days of the first window; the span adapts to how busy the days are. */
  windowDays: number;
  /** A window whose first page counts more rows than this is halved (down to one day). */
  maxWindowRows: number;
  /** Where a full walk starts. */
  firstDay: LocalDate;
  /** Passes over a single day whose rows keep moving before it is declared unstable. */
  maxPasses: number;
  now: () => number;
  logger?: Logger;
}

export function feedbacksStream(client: PaknClient, options: FeedbackWalkOptions): Stream<FeedbackRecord> {
  return { name: 'feedbacks', read: (read) => readFeedbacks(client, options, read) };
}

async function* readFeedbacks(
  client: PaknClient,
  options: FeedbackWalkOptions,
  read: ReadOptions,
): AsyncGenerator<Page<FeedbackRecord>> {
  const today = localDateOf(new Date(options.now()));
  const resumed = decodePosition(read.resumeFrom);
  let position = resumed ? { ...resumed, pass: 1 } : startPosition(read, options, today);
  const memory = new YieldedMemory(position.to);
  /** A position no yielded page has carried yet (a window that ended on an empty page). */
  let uncarried: WalkPosition | null = null;

  while (compareLocalDate(position.from, today) <= 0) {
    const current = position;
    const pass = yield* readPass(client, options, read, current, memory.yielded, today);
    if (pass.yieldedAny) uncarried = null;
    if (pass.kind === 'shrunk') {
      position = pass.next;
      continue;
    }
    if (!pass.carried) uncarried = pass.outcome.next;
    if (pass.outcome.failure) yield* failWindow(uncarried, pass.outcome.failure);
    const next = pass.outcome.next;
    logReread(options, current, next, pass.reason);
    memory.moveTo(next);
    position = next;
  }
  if (uncarried) yield carrierOf(uncarried);
}

/** How one pass over a window ended. */
type PassResult =
  /** The window's first page counted too many rows: read its first half instead. */
  | { kind: 'shrunk'; next: WalkPosition; yieldedAny: false }
  | {
      kind: 'read';
      outcome: PassOutcome;
      /** The last yielded page carried the outcome's position as its checkpoint. */
      carried: boolean;
      yieldedAny: boolean;
      /** Why the pass was not quiet; null when it was. */
      reason: string | null;
    };

/** Pages through one pass over the window at `current`, yielding each list page mapped. */
async function* readPass(
  client: PaknClient,
  options: FeedbackWalkOptions,
  read: ReadOptions,
  current: WalkPosition,
  yielded: Map<string, string>,
  today: LocalDate,
): AsyncGenerator<Page<FeedbackRecord>, PassResult> {
  const { pageSize } = options;
  const watch = new PassWatch(current.total);
  const last: { total: number | null; final: boolean } = { total: current.total, final: false };
  let yieldedAny = false;
  const pages = paginate<unknown>({
    startPage: current.page,
    keyOf: identityOf,
    onStop: (reason) => {
      if (reason === 'repeated') watch.flag('the same page was served twice');
    },
    fetch: async (page) => {
      const result = await fetchListPage(client, current, page, pageSize, read.signal);
      last.final = result.final;
      last.total = result.total;
      return { items: result.items, last: last.final };
    },
  });
  for await (const fetched of pages) {
    const smaller = shrinkFirst(current, fetched.position, last.total, options.maxWindowRows, today);
    if (smaller) return { kind: 'shrunk', next: smaller, yieldedAny: false };
    watch.observe(last.total, fetched.items);
    const outcome: PassOutcome = last.final
      ? afterPass(current, watch, last.total ?? watch.count, today, read.full, options)
      : { next: { ...current, page: fetched.next, total: watch.firstTotal }, failure: null };
    const final = last.final;
    yieldedAny = true;
    yield {
      ...buildPage(fetched.items, yielded),
      checkpoint: encodePosition(outcome.next),
      cursor: outcome.next.cursor,
    };
    if (final) return { kind: 'read', outcome, carried: true, yieldedAny, reason: watch.reason };
  }
  // The pass ended on an empty or repeated page: no yielded page has carried its outcome.
  watch.observe(last.total, []);
  const outcome = afterPass(current, watch, last.total ?? watch.count, today, read.full, options);
  return { kind: 'read', outcome, carried: false, yieldedAny, reason: watch.reason };
}

/** §3 GET /api/v1/pakn?tuNgay&denNgay&trang&soBanGhi, and whether the pass ends with it. */
async function fetchListPage(
  client: PaknClient,
  window: WalkPosition,
  page: number,
  pageSize: number,
  signal?: AbortSignal,
) {
  const result = await client.listFeedback({ from: window.from, to: window.to, page, pageSize }, signal);
  client.stats.pages += 1;
  // The pass ends here, judged by this page alone: a short page, or the total reached.
  // (No total for the helper to count against: a duplicated row would end the pass early.)
  const final = result.items.length < pageSize || (result.total !== null && page * pageSize >= result.total);
  return { ...result, final };
}

/**
 * A window whose first page, on its first pass, counts more rows than a window may hold is
 * read as its first half instead (null: read it as it is).
 */
function shrinkFirst(
  window: WalkPosition,
  position: number,
  total: number | null,
  maxWindowRows: number,
  today: LocalDate,
): WalkPosition | null {
  const crowded = position === 1 && window.total === null && (total ?? 0) > maxWindowRows;
  return crowded && window.pass === 1 ? shrunk(window, today) : null;
}

/** An empty page whose only job is to carry a position as the checkpoint. */
function carrierOf(position: WalkPosition): Page<FeedbackRecord> {
  return { items: [], rejected: [], checkpoint: encodePosition(position), cursor: position.cursor };
}

/** A resumed run starts this window over: say so (a page carrying its position) before failing. */
async function* failWindow(
  uncarried: WalkPosition | null,
  failure: Error,
): AsyncGenerator<Page<FeedbackRecord>, never> {
  if (uncarried) yield carrierOf(uncarried);
  throw failure;
}

/** Logs a window read again because its rows moved (not a halved window moving on). */
function logReread(
  options: FeedbackWalkOptions,
  current: WalkPosition,
  next: WalkPosition,
  reason: string | null,
) {
  if (reason === null || next.from !== current.from) return;
  options.logger?.warn(
    { event: 'pakn_window_reread', from: current.from, to: current.to, nextTo: next.to, reason },
    'rows moved while the window was paged; reading it again',
  );
}

/**
 * What was yielded from the days up to `end`: identity → version, so a re-read yields
 * only what changed. Bounded by a window's rows: forgotten once the walk moves past it.
 */
class YieldedMemory {
  yielded = new Map<string, string>();

  constructor(private end: LocalDate) {}

  /** Re-reads and the rest of a halved window fall within the days already remembered. */
  moveTo(next: WalkPosition): void {
    if (compareLocalDate(next.from, this.end) > 0) {
      this.yielded = new Map();
      this.end = next.to;
    } else if (compareLocalDate(next.to, this.end) > 0) {
      this.end = next.to;
    }
  }
}

/** Maps one list page, skipping versions this window already yielded (one row per key). */
function buildPage(
  items: unknown[],
  yielded: Map<string, string>,
): Pick<Page<FeedbackRecord>, 'items' | 'rejected'> {
  const mapped = new Map<string, Mapped<FeedbackRecord>>();
  const rejected: Rejected[] = [];
  for (const raw of items) {
    const id = identityOf(raw);
    const version = versionOf(raw);
    if (yielded.get(id) === version) continue;
    yielded.set(id, version);
    const result = toFeedback(raw);
    const redacted = redactFeedback(raw);
    if (result.ok) {
      // A record twice on one page: the later (more recently updated) version is kept.
      mapped.delete(result.record.code);
      mapped.set(result.record.code, { key: result.record.code, row: result.record, raw: redacted });
    } else {
      rejected.push({
        externalKey: feedbackKeyOf(raw),
        field: result.field,
        reason: result.reason,
        raw: redacted,
      });
    }
  }
  return { items: [...mapped.values()], rejected };
}
