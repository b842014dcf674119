import { parseIgateDateTime } from '../../src/domain/time';
import type { Logger } from '../kit/http';
import type { Mapped, Page, ReadOptions, Rejected } from '../kit/types';
import { abortableWait } from '../kit/wait';
import type { IgateQuery } from './client';
import type { RawPage } from './records';
import {
  compareKeys,
  decodeState,
  encodeState,
  isoOf,
  msOf,
  type RowKey,
  type WindowState,
} from './window-state';

/**
 * Reads a changing iGate list (upstream-apis.md §2 "Paging") in bounded `updated-from`/
 * `updated-to` windows, each one by keyset on (updatedDate, id):
 *
 * - A window ends in the past (now minus a lag, at least 1 ms), so rows changed while it is
 *   read get a later `updatedDate` and leave it; a window only shrinks while it is read.
 * - Each request starts at the last row read (`updated-from` = its date, page 0) and drops
 *   what it has already read. A row leaving the window behind the position cannot shift
 *   the rows ahead, as offset paging would, so nothing is skipped and a repeated row (the
 *   same record on two pages) is read once.
 * - Only rows sharing one instant are paged by offset (page N of the same `updated-from`).
 *   A row of that instant that changes leaves the window and moves the rows behind it up
 *   one place; `totalElements` drops when it does, and the instant is read again from page 0.
 * - A window holding more rows than `maxWindowRows` is halved before it is read; small
 *   windows double the span of the next one.
 * - Page.cursor is the end of the last fully read window; the checkpoint is the window and
 *   the keyset position, so a killed run resumes at the page where it stopped.
 * - After reaching the present, a few catch-up windows read the rows that changed during
 *   the walk (a full walk must see every row for deletion detection). An empty window at
 *   the present proves nothing by itself: the first one ends `lag` before the present, so it
 *   misses what changed while the last past windows were read, and a row that changes again
 *   between a window being fixed and being read leaves it empty. The walk ends there only
 *   when nothing at all is stamped after it.
 */

export interface WindowWalkOptions<Row> {
  name: string;
  fetch(query: IgateQuery, signal?: AbortSignal): Promise<RawPage>;
  /** Maps one request's new rows (validated and deduplicated by the caller's mapper). */
  build(raws: unknown[]): { items: Mapped<Row>[]; rejected: Rejected[] };
  pageSize: number;
  lagMs: number;
  initialSpanMs: number;
  maxSpanMs: number;
  maxWindowRows: number;
  catchUpRounds: number;
  /** Start of a full walk, epoch ms. */
  floor: number;
  now?: () => number;
  logger?: Logger;
}

const MIN_SPAN_MS = 1000;
/**
 * A window may not end in the present millisecond: iGate can still stamp rows with it after
 * the window was read, and the next window starts one millisecond later, so they would be
 * passed over for good. With no lag that happens to any change made in the millisecond of a
 * request; 1 ms closes that gap on one clock. The configured lag (2 s by default) is the
 * real margin, for commits landing after their `updatedDate` and for clock skew.
 */
export const MIN_LAG_MS = 1;

export async function* walkWindows<Row>(
  options: WindowWalkOptions<Row>,
  read: ReadOptions,
): AsyncGenerator<Page<Row>> {
  const now = options.now ?? Date.now;
  const lagMs = Math.max(options.lagMs, MIN_LAG_MS);
  let st: WindowState = decodeState(read.resumeFrom) ?? startState(options, read);
  let lastReadEnd = 0;
  let windowRows = 0;
  const rejectedSeen = new Set<string>();

  for (;;) {
    if (st.to === null) {
      const fixed = await openWindow(st, { lastReadEnd, lagMs, now, signal: read.signal });
      if (fixed === null) return;
      st = fixed;
      windowRows = 0;
      rejectedSeen.clear();
    }
    const to = st.to as number;
    const { result, requestFrom, total } = await fetchFromPosition(options, st, read.signal);
    const instead = beforeReading(st, total, options.maxWindowRows);
    if (instead) {
      st = instead;
      continue;
    }
    const page = takeFresh(st, result.content, rejectedSeen);
    windowRows += page.fresh.length;
    st = advance(st, page.after, requestFrom, total);

    let finished = false;
    if (page.pastEnd || result.content.length < options.pageSize) {
      const closed = closeWindow(st, windowRows, options);
      finished = await walkEnds(options, closed, windowRows, to, read.signal);
      st = closed.next;
      lastReadEnd = now();
    }
    yield { ...options.build(page.fresh), checkpoint: encodeState(st), cursor: st.cursor };
    if (finished) return;
  }
}

/** One request from the window's keyset position (its start, or the last row read). */
async function fetchFromPosition<Row>(
  options: WindowWalkOptions<Row>,
  st: WindowState,
  signal?: AbortSignal,
) {
  const requestFrom = st.after?.at ?? st.from;
  const result = await options.fetch(
    { page: st.page, size: options.pageSize, from: new Date(requestFrom), to: new Date(st.to as number) },
    signal,
  );
  return { result, requestFrom, total: result.totalElements ?? null };
}

/** Waits out the lag before a catch-up window, then fixes it; null: the walk reached the present. */
async function openWindow(
  st: WindowState,
  at: { lastReadEnd: number; lagMs: number; now: () => number; signal?: AbortSignal },
): Promise<WindowState | null> {
  // A catch-up window must cover every change made while the previous one was read.
  if (st.catchUp > 0)
    await abortableWait(
      at.lastReadEnd + at.lagMs - at.now(),
      at.signal,
      'aborted: cancelled while waiting for the window lag',
    );
  return fixWindow(st, at.now() - at.lagMs);
}

/** After a window cut at the present: enough catch-up rounds, or an empty one with nothing stamped after it. */
async function walkEnds<Row>(
  options: WindowWalkOptions<Row>,
  closed: { next: WindowState; atPresent: boolean },
  windowRows: number,
  to: number,
  signal?: AbortSignal,
): Promise<boolean> {
  if (!closed.atPresent) return false;
  if (closed.next.catchUp > options.catchUpRounds) return true;
  return windowRows === 0 && !(await changedAfter(options.fetch, to, signal));
}

/** A walk with no checkpoint: from the floor (full, or no cursor yet) or just after the cursor. */
export function startState(
  options: Pick<WindowWalkOptions<unknown>, 'floor' | 'initialSpanMs'>,
  read: Pick<ReadOptions, 'full' | 'cursor'>,
): WindowState {
  const cursorMs = msOf(read.cursor);
  return {
    from: read.full || cursorMs === null ? options.floor : cursorMs + 1,
    to: null,
    present: false,
    after: null,
    page: 0,
    total: null,
    span: options.initialSpanMs,
    cursor: null,
    catchUp: 0,
  };
}

/** Fixes the next window's end: its span, never past `end` (now minus the lag); null: the walk is done. */
export function fixWindow(st: WindowState, end: number): WindowState | null {
  if (st.from > end) return null;
  const to = Math.min(st.from + st.span - 1, end);
  return { ...st, to, present: to === end };
}

/**
 * What to do instead of reading this answer, or null to read it: read the instant again
 * from page 0 when rows left it, or halve a window holding too many rows before reading it.
 */
export function beforeReading(
  st: WindowState,
  total: number | null,
  maxWindowRows: number,
): WindowState | null {
  const to = st.to as number;
  if (st.page > 0 && total !== null && total !== st.total) {
    // Rows left the window since the previous page of this instant (only changes, stamped
    // after `to`, can leave; none can join): this page's offset may have moved past unread
    // rows. Read the instant again from page 0 (a window only shrinks, so this ends).
    return { ...st, page: 0, total: null };
  }
  if (st.after === null && st.page === 0 && total !== null && total > maxWindowRows) {
    if (to - st.from + 1 > MIN_SPAN_MS) {
      const span = Math.max(MIN_SPAN_MS, Math.floor((to - st.from + 1) / 2));
      return { ...st, span, to: st.from + span - 1, present: false };
    }
  }
  return null;
}

/** The rows of one answer not read yet, the new keyset position, and whether the answer ran past the window. */
export function takeFresh(
  st: WindowState,
  content: unknown[],
  rejectedSeen: Set<string>,
): { fresh: unknown[]; after: RowKey | null; pastEnd: boolean } {
  const to = st.to as number;
  const fresh: unknown[] = [];
  let after = st.after;
  let pastEnd = false;
  for (const raw of content) {
    const key = keyOf(raw);
    if (key === null) {
      // Unreadable position: the mapper rejects it; report it once per window.
      const seen = JSON.stringify(raw);
      if (!rejectedSeen.has(seen)) fresh.push(raw);
      rejectedSeen.add(seen);
      continue;
    }
    if (key.at > to) {
      pastEnd = true; // an upstream ignoring updated-to: the window ends here
      continue;
    }
    if (key.at < st.from || (st.after && compareKeys(key, st.after) <= 0)) continue;
    fresh.push(raw);
    if (after === null || compareKeys(key, after) > 0) after = key;
  }
  return { fresh, after, pastEnd };
}

/**
 * The next request starts at the last row read. When that is still the instant this one
 * started at, a full page of rows shares it: the next page of the same request follows.
 */
export function advance(
  st: WindowState,
  after: RowKey | null,
  requestFrom: number,
  total: number | null,
): WindowState {
  const sameFrom = (after?.at ?? st.from) === requestFrom;
  return { ...st, after, page: sameFrom ? st.page + 1 : 0, total };
}

/** The window is read: the next one starts after it, its span widened after a quiet window. */
export function closeWindow(
  st: WindowState,
  windowRows: number,
  options: Pick<WindowWalkOptions<unknown>, 'maxWindowRows' | 'maxSpanMs'>,
): { next: WindowState; atPresent: boolean } {
  const to = st.to as number;
  const span = windowRows < options.maxWindowRows / 4 ? Math.min(st.span * 2, options.maxSpanMs) : st.span;
  const catchUp = st.present ? st.catchUp + 1 : st.catchUp;
  return {
    atPresent: st.present,
    next: {
      from: to + 1,
      to: null,
      present: false,
      after: null,
      page: 0,
      total: null,
      span,
      cursor: isoOf(to),
      catchUp,
    },
  };
}

/**
 * Whether any row is stamped after `to`, however recently. Changes only move rows forward,
 * so a row that left a window while it was read is counted here: an empty window proves
 * nothing until this says no. §2 "Paging" (`updated-from` alone, one row).
 */
async function changedAfter(
  fetch: WindowWalkOptions<unknown>['fetch'],
  to: number,
  signal?: AbortSignal,
): Promise<boolean> {
  const probe = await fetch({ page: 0, size: 1, from: new Date(to + 1) }, signal);
  if (typeof probe.totalElements === 'number') return probe.totalElements > 0;
  return probe.content.some((raw) => (keyOf(raw)?.at ?? to) > to);
}

/** A raw row's place in the upstream order; null when its id or updatedDate is unreadable. */
export function keyOf(raw: unknown): RowKey | null {
  const r = raw as { id?: unknown; updatedDate?: unknown } | null;
  if (typeof r?.id !== 'string' || typeof r.updatedDate !== 'string') return null;
  try {
    return { at: parseIgateDateTime(r.updatedDate.trim()).getTime(), id: r.id };
  } catch {
    return null;
  }
}
