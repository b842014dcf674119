/**
 * Whole-day windows over `ngayCapNhat` (upstream-apis.md §3: `tuNgay`/`denNgay`, both
 * inclusive) and the walk's resumable position. Pure: the walk in feedback-walk.ts
 * drives them.
 */

import { z } from 'zod';
import type { LocalDate } from '../../src/domain/model';
import { addDays, compareLocalDate, epochDayOf, isLocalDate } from '../../src/domain/time';
import { decodeCheckpoint } from '../kit/checkpoint';

/** A window never spans more than a year: the span doubles over quiet stretches up to this. */
export const MAX_SPAN_DAYS = 366;

/** Where the walk stands; saved as Page.checkpoint after every page. */
export interface WalkPosition {
  /** The current window, both days inclusive. */
  from: LocalDate;
  to: LocalDate;
  /** Days per window from here on (adapted to how busy the days are). */
  span: number;
  /** The next page of the current pass (1-based). */
  page: number;
  /** Passes over the current window so far, this one included. */
  pass: number;
  /** `tongSoBanGhi` on the first page of this pass: a change means rows moved under us. */
  total: number | null;
  /** The last fully read day: the end of the last window read in a stable pass. */
  cursor: LocalDate | null;
}

export function minDay(a: LocalDate, b: LocalDate): LocalDate {
  return compareLocalDate(a, b) <= 0 ? a : b;
}

/**
 * The window starting at `from`: `span` days, never past today. A window starting after
 * today is where a finished walk stands (a resumed run reads on from there).
 */
export function windowAt(
  from: LocalDate,
  span: number,
  today: LocalDate,
  cursor: LocalDate | null,
): WalkPosition {
  const end = minDay(addDays(from, span - 1), today);
  return {
    from,
    to: compareLocalDate(end, from) < 0 ? from : end,
    span,
    page: 1,
    pass: 1,
    total: null,
    cursor,
  };
}

/** The span for the next window, from how many rows this one held. */
export function nextSpan(span: number, rows: number, maxWindowRows: number): number {
  if (rows > maxWindowRows) return Math.max(1, Math.floor(span / 2));
  if (rows * 4 < maxWindowRows) return Math.min(MAX_SPAN_DAYS, span * 2);
  return span;
}

/** The first half of the window, read next (null: a single day cannot shrink). */
export function shrunk(position: WalkPosition, today: LocalDate): WalkPosition | null {
  const days = epochDayOf(position.to) - epochDayOf(position.from) + 1;
  if (days <= 1) return null;
  return windowAt(position.from, Math.floor(days / 2), today, position.cursor);
}

export function encodePosition(position: WalkPosition): string {
  return JSON.stringify(position);
}

const day = z.string().refine(isLocalDate);
const whole = (min: number) => z.number().int().min(min);

/** What encodePosition writes, and nothing else. */
const positionSchema = z
  .object({
    from: day,
    to: day,
    span: whole(1).transform((span) => Math.min(span, MAX_SPAN_DAYS)),
    page: whole(1),
    pass: whole(1),
    total: whole(0).nullable(),
    cursor: day.nullable(),
  })
  .refine((p) => compareLocalDate(p.from, p.to) <= 0);

/** A checkpoint this walk wrote, or null: an unreadable one restarts the walk (slower, never wrong). */
export function decodePosition(text: string | null): WalkPosition | null {
  return decodeCheckpoint(text, positionSchema);
}
