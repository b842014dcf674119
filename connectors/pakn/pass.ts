/**
 * One pass over a feedback window, judged: where the walk goes next after it (afterPass),
 * the signs that rows moved while it was paged (PassWatch), and where a walk starts.
 * Pure: feedback-walk.ts drives them; test/connectors/pakn/pass.test.ts tables them.
 */
import { createHash } from 'node:crypto';
import type { LocalDate } from '../../src/domain/model';
import { addDays, compareLocalDate } from '../../src/domain/time';
import { ConnectorError } from '../kit/errors';
import type { ReadOptions } from '../kit/types';
import { feedbackKeyOf } from './map';
import { nextSpan, shrunk, type WalkPosition, windowAt } from './windows';

/** Where a walk with no checkpoint starts: the cursor day (read again), or the first day. */
export function startPosition(
  read: Pick<ReadOptions, 'full' | 'cursor'>,
  options: { firstDay: LocalDate; windowDays: number },
  today: LocalDate,
): WalkPosition {
  const cursor = read.full ? null : read.cursor;
  // The cursor day itself is read again: it may have gained rows after it was read.
  const from = cursor && /^\d{4}-\d{2}-\d{2}$/.test(cursor) ? cursor : options.firstDay;
  return windowAt(compareLocalDate(from, today) <= 0 ? from : today, options.windowDays, today, cursor);
}

export interface PassOutcome {
  next: WalkPosition;
  /** The window could not be read quietly: fail the stream once the last page is committed. */
  failure: ConnectorError | null;
}

/** Where the walk goes after a pass: on, the same window halved or again, or a failure. */
export function afterPass(
  p: WalkPosition,
  watch: PassWatch,
  rows: number,
  today: LocalDate,
  full: boolean,
  options: { maxWindowRows: number; maxPasses: number },
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
export class PassWatch {
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

export function identityOf(raw: unknown): string {
  return feedbackKeyOf(raw) ?? `raw:${versionOf(raw)}`;
}

export function versionOf(raw: unknown): string {
  return createHash('sha1')
    .update(JSON.stringify(raw) ?? 'undefined')
    .digest('base64url');
}
