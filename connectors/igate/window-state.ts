/**
 * Where a window walk stands, as the checkpoint the sync layer stores with each page.
 * Instants travel as ISO strings in UTC (`…Z`), so cursors of one stream compare as
 * strings (src/sync/state.ts `maxCursor`).
 */

import { z } from 'zod';
import { decodeCheckpoint, instantMs } from '../kit/checkpoint';

/** A row's place in the upstream order: `updatedDate`, then `id` (§2 "Paging"). */
export interface RowKey {
  at: number;
  id: string;
}

export interface WindowState {
  /** Inclusive bounds of the window being read, epoch ms; `to` null: not fixed yet (next window). */
  from: number;
  to: number | null;
  /** The window was cut at the present (now minus the lag), not by its span. */
  present: boolean;
  /** The last row read in this window (keyset position); null at its start. */
  after: RowKey | null;
  /** Page number from `after`: above 0 only while a full page of rows shares one instant. */
  page: number;
  /** `totalElements` of the last request from this position: page N > 0 is trusted only while it holds. */
  total: number | null;
  /** Span for the windows that follow. */
  span: number;
  /** End of the last fully read window (the Page cursor), ISO; null before the first. */
  cursor: string | null;
  /** Windows read after reaching the present. */
  catchUp: number;
}

export function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}

export function msOf(iso: string | null | undefined): number | null {
  if (typeof iso !== 'string') return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** (at, id) order, the upstream's own. */
export function compareKeys(a: RowKey, b: RowKey): number {
  if (a.at !== b.at) return a.at - b.at;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function encodeState(state: WindowState): string {
  return JSON.stringify({
    from: isoOf(state.from),
    to: state.to === null ? null : isoOf(state.to),
    present: state.present,
    after: state.after ? { at: isoOf(state.after.at), id: state.after.id } : null,
    page: state.page,
    total: state.total,
    span: state.span,
    cursor: state.cursor,
    catchUp: state.catchUp,
  });
}

/** What encodeState writes; lenient where an older checkpoint may lack a field. */
const stateSchema = z
  .object({
    from: instantMs,
    to: instantMs.nullable().catch(null),
    present: z.boolean().catch(false),
    after: z.object({ at: instantMs, id: z.string() }).nullable().catch(null),
    page: z.number().int().min(0).catch(0),
    total: z.number().nullable().catch(null),
    span: z.number().positive(),
    cursor: z.string().nullable().catch(null),
    catchUp: z.number().catch(0),
  })
  .transform(
    (v): WindowState => ({
      ...v,
      present: v.present && v.to !== null,
      after: v.to === null ? null : v.after,
      // A page past 0 without the count it was reached with cannot be checked: read the instant again.
      page: v.total === null ? 0 : v.page,
    }),
  );

/** An unreadable checkpoint restarts the walk: slower, never wrong. */
export function decodeState(text: string | null): WindowState | null {
  return decodeCheckpoint(text, stateSchema);
}
