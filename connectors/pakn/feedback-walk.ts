import { createHash } from 'node:crypto';
import type { FeedbackRecord, LocalDate } from '../../src/domain/model';
import { addDays, compareLocalDate, localDateOf } from '../../src/domain/time';
import { ConnectorError } from '../kit/errors';
import type { Logger } from '../kit/http';
import { paginate } from '../kit/paging';
import type { Mapped, Page, ReadOptions, Rejected, Stream } from '../kit/types';
import type { PaknClient } from './client';
import { feedbackKeyOf, redactFeedback, toFeedback } from './map';
import { decodePosition, encodePosition, nextSpan, shrunk, type WalkPosition, windowAt } from './windows';

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
  const { pageSize } = options;
  const today = localDateOf(new Date(options.now()));
  const resumed = decodePosition(read.resumeFrom);
  let position = resumed ? { ...resumed, pass: 1 } : startPosition(read, options, today);
  /** What was yielded from the days up to `memoryEnd`: identity → version. Bounded by a window's rows. */
  let yielded = new Map<string, string>();
  let memoryEnd = position.to;
  /** A position no yielded page has carried yet (a window that ended on an empty page). */
  let uncarried: WalkPosition | null = null;

  while (compareLocalDate(position.from, today) <= 0) {
    const current = position;
    const watch = new PassWatch(current.total);
    let last: { total: number | null; final: boolean } = { total: current.total, final: false };
    let outcome: PassOutcome | null = null;
    let smaller: WalkPosition | null = null;
    const pages = paginate<unknown>({
      startPage: current.page,
      keyOf: identityOf,
      onStop: (reason) => {
        if (reason === 'repeated') watch.flag('the same page was served twice');
      },
      fetch: async (page) => {
        // §3 GET /api/v1/pakn?tuNgay&denNgay&trang&soBanGhi
        const result = await client.listFeedback(
          { from: current.from, to: current.to, page, pageSize },
          read.signal,
        );
        client.stats.pages += 1;
        // The pass ends here, judged by this page alone: a short page, or the total reached.
        // (No total for the helper to count against: a duplicated row would end the pass early.)
        const final =
          result.items.length < pageSize || (result.total !== null && page * pageSize >= result.total);
        last = { total: result.total, final };
        return { items: result.items, last: final };
      },
    });
    for await (const fetched of pages) {
      if (fetched.position === 1 && current.total === null && (last.total ?? 0) > options.maxWindowRows) {
        smaller = current.pass === 1 ? shrunk(current, today) : null;
        if (smaller) break;
      }
      watch.observe(last.total, fetched.items);
      const { final } = last;
      outcome = final
        ? afterPass(current, watch, last.total ?? watch.count, today, read.full, options)
        : { next: { ...current, page: fetched.next, total: watch.firstTotal }, failure: null };
      const built = buildPage(fetched.items, yielded);
      uncarried = null;
      yield { ...built, checkpoint: encodePosition(outcome.next), cursor: outcome.next.cursor };
      if (final) break;
      outcome = null;
    }
    if (smaller) {
      position = smaller;
      continue;
    }
    // The pass ended on an empty or repeated page: no yielded page has carried its outcome.
    if (outcome === null) {
      watch.observe(last.total, []);
      outcome = afterPass(current, watch, last.total ?? watch.count, today, read.full, options);
      uncarried = outcome.next;
    }
    if (outcome.failure) {
      // A resumed run starts this window over: say so before failing.
      if (uncarried)
        yield { items: [], rejected: [], checkpoint: encodePosition(uncarried), cursor: uncarried.cursor };
      throw outcome.failure;
    }
    const next = outcome.next;
    if (watch.reason !== null && next.from === current.from) {
      options.logger?.warn(
        {
          event: 'pakn_window_reread',
          from: current.from,
          to: current.to,
          nextTo: next.to,
          reason: watch.reason,
        },
        'rows moved while the window was paged; reading it again',
      );
    }
    // Re-reads and the rest of a halved window fall within the days already remembered.
    if (compareLocalDate(next.from, memoryEnd) > 0) {
      yielded = new Map();
      memoryEnd = next.to;
    } else if (compareLocalDate(next.to, memoryEnd) > 0) {
      memoryEnd = next.to;
    }
    position = next;
  }
  if (uncarried)
    yield { items: [], rejected: [], checkpoint: encodePosition(uncarried), cursor: uncarried.cursor };
}

function startPosition(read: ReadOptions, options: FeedbackWalkOptions, today: LocalDate): WalkPosition {
  const cursor = read.full ? null : read.cursor;
  // The cursor day itself is read again: it may have gained rows after it was read.
  const from = cursor && /^\d{4}-\d{2}-\d{2}$/.test(cursor) ? cursor : options.firstDay;
  return windowAt(compareLocalDate(from, today) <= 0 ? from : today, options.windowDays, today, cursor);
}

interface PassOutcome {
  next: WalkPosition;
  /** The window could not be read quietly: fail the stream once the last page is committed. */
  failure: ConnectorError | null;
}

function afterPass(
  p: WalkPosition,
  watch: PassWatch,
  rows: number,
  today: LocalDate,
  full: boolean,
  options: FeedbackWalkOptions,
): PassOutcome {
  const span = nextSpan(p.span, rows, options.maxWindowRows);
  if (watch.reason === null) return { next: windowAt(addDays(p.to, 1), span, today, p.to), failure: null };
  // Rows moved: read again, halving the window first (fewer pages to get through quietly).
  const smaller = shrunk(p, today);
  if (smaller) return { next: smaller, failure: null };
  const again: WalkPosition = { ...p, page: 1, pass: p.pass + 1, total: null };
  if (p.pass < options.maxPasses) return { next: again, failure: null };
  // Today's rows are read again by the next run anyway; a past day or a full walk must be complete.
  if (!full && compareLocalDate(p.to, today) >= 0) {
    return { next: windowAt(addDays(p.to, 1), span, today, p.cursor), failure: null };
  }
  const failure = new ConnectorError(
    'pakn_window_unstable',
    `feedback of ${p.from}–${p.to} kept moving over ${p.pass} passes (${watch.reason})`,
    { retryable: false },
  );
  return { next: { ...again, pass: 1 }, failure };
}

/** Signs that rows moved under the offsets while one pass over a window was read. */
class PassWatch {
  reason: string | null = null;
  private readonly seen = new Set<string>();

  /** Rows this pass served. */
  get count(): number {
    return this.seen.size;
  }

  constructor(public firstTotal: number | null) {}

  observe(total: number | null, items: unknown[]): void {
    if (total !== null) {
      if (this.firstTotal === null) this.firstTotal = total;
      else if (total !== this.firstTotal) this.flag(`tongSoBanGhi moved from ${this.firstTotal} to ${total}`);
    }
    for (const item of items) {
      const id = identityOf(item);
      if (this.seen.has(id)) this.flag('a record came back on a later page');
      this.seen.add(id);
    }
  }

  flag(reason: string): void {
    this.reason ??= reason;
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

function identityOf(raw: unknown): string {
  return feedbackKeyOf(raw) ?? `raw:${versionOf(raw)}`;
}

function versionOf(raw: unknown): string {
  return createHash('sha1')
    .update(JSON.stringify(raw) ?? 'undefined')
    .digest('base64url');
}
