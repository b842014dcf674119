import { z } from 'zod';
import type { NationalProcedureRecord } from '../../src/domain/model';
import { formatNationalDateTime, parseNationalDateTime } from '../../src/domain/time';
import { decodeCheckpoint } from '../kit/checkpoint';
import type { Logger } from '../kit/http';
import { mapConcurrent } from '../kit/limiter';
import { paginate } from '../kit/paging';
import type { Mapped, Page, ReadOptions, Rejected, Stream } from '../kit/types';
import { firstIssue } from '../kit/zod-issues';
import type { NationalClient } from './client';
import { toNationalProcedure } from './map';
import { listItemSchema } from './records';

/**
 * The `procedures` stream: LayDanhSachTTHC pages (upstream-apis.md §1), each item's
 * LayThuTuc and its LayQDCB, mapped, one Page per list page.
 *
 * The list is ordered by NGAYCAPNHAT, so a procedure changed during the walk moves to
 * the end. It is then read twice (harmless: upserts are idempotent) and, since every
 * later row shifts back by one, the row that crosses the page boundary is skipped. A
 * missed row that changed is caught by the cursor next run, but an unchanged one would
 * look deleted to a full walk and be lost to incremental runs. So a walk that ran from
 * the start ends with a verification pass: it re-reads the list alone (a few calls of
 * 500 rows) and fetches whatever it had not seen. A walk resumed from a checkpoint has
 * no memory of its first pages and skips that pass; the next full walk repairs it.
 */

export const LIST_PAGE_SIZE = 500;
/** A stamp this far in the future is bad data: it must not pin the cursor ahead of every change. */
const MAX_CLOCK_SKEW_MS = 86_400_000;

interface Checkpoint {
  /** The next list page to read. */
  page: number;
  since: string | null;
  cursor: string | null;
}

export interface ProcedureWalkOptions {
  concurrency: number;
  pageSize?: number;
  logger?: Logger;
  now?: () => number;
}

export function proceduresStream(
  client: NationalClient,
  options: ProcedureWalkOptions,
): Stream<NationalProcedureRecord> {
  return { name: 'procedures', read: (read) => readProcedures(client, options, read) };
}

async function* readProcedures(
  client: NationalClient,
  options: ProcedureWalkOptions,
  read: ReadOptions,
): AsyncGenerator<Page<NationalProcedureRecord>> {
  const pageSize = Math.min(options.pageSize ?? LIST_PAGE_SIZE, LIST_PAGE_SIZE);
  const resume = parseCheckpoint(read.resumeFrom);
  const since = resume ? resume.since : read.full ? null : read.cursor;
  const walk = new WalkMemory(resume?.cursor ?? null, (options.now ?? Date.now)() + MAX_CLOCK_SKEW_MS);
  const { signal } = read;
  const list = (startPage: number) =>
    paginate<unknown>({
      startPage,
      keyOf: (item) => JSON.stringify(item),
      fetch: async (page) => {
        const result = await client.listProcedures({ page, pageSize, since }, signal);
        client.stats.pages += 1;
        // A short page ends the walk; `tongso` is not trusted, as a duplicated row would end it early.
        return { items: result.items, last: result.items.length < pageSize };
      },
    });
  const pageOf = async (items: unknown[], nextPage: number): Promise<Page<NationalProcedureRecord>> => {
    const built = await buildPage(client, walk, items, options.concurrency, signal);
    const checkpoint: Checkpoint = { page: nextPage, since, cursor: walk.cursor };
    return { ...built, checkpoint: JSON.stringify(checkpoint), cursor: walk.cursor };
  };

  let nextPage = resume?.page ?? 1;
  for await (const listPage of list(nextPage)) {
    nextPage = listPage.next;
    yield await pageOf(listPage.items, nextPage);
  }
  if (resume) return;

  let recovered = 0;
  for await (const listPage of list(1)) {
    const missed = listPage.items.filter((item) => walk.isUnseen(item));
    if (missed.length === 0) continue;
    recovered += missed.length;
    yield await pageOf(missed, nextPage);
  }
  if (recovered > 0) {
    options.logger?.warn(
      { event: 'national_walk_recovered', recovered },
      'rows shifted while the list was paged; read them in the verification pass',
    );
  }
}

/** What this walk has read: code → NGAYCAPNHAT, and the high-water mark. */
class WalkMemory {
  private readonly seen = new Map<string, string>();

  constructor(
    public cursor: string | null,
    private readonly latestAllowed: number,
  ) {}

  /** True when the list row is new to this walk (or changed since it was read). */
  isUnseen(raw: unknown): boolean {
    const item = listItemSchema.safeParse(raw);
    if (!item.success) return false;
    return this.seen.get(codeOf(item.data.MATTHC)) !== item.data.NGAYCAPNHAT;
  }

  markRead(code: string, stamp: string): void {
    this.seen.set(code, stamp);
    let at: Date;
    try {
      at = parseNationalDateTime(stamp);
    } catch {
      return; // The record itself is rejected by the mapper with this field.
    }
    if (at.getTime() > this.latestAllowed) return;
    const text = formatNationalDateTime(at);
    if (this.cursor === null || text > this.cursor) this.cursor = text;
  }
}

async function buildPage(
  client: NationalClient,
  walk: WalkMemory,
  items: unknown[],
  concurrency: number,
  signal: AbortSignal | undefined,
): Promise<Pick<Page<NationalProcedureRecord>, 'items' | 'rejected'>> {
  const rejected: Rejected[] = [];
  const codes = new Set<string>();
  for (const raw of items) {
    const parsed = listItemSchema.safeParse(raw);
    if (!parsed.success) {
      rejected.push({ externalKey: keyOf(raw), ...firstIssue(parsed.error), raw });
      continue;
    }
    // The same row twice (on two pages, or twice on one) is read once.
    if (!walk.isUnseen(raw)) continue;
    const code = codeOf(parsed.data.MATTHC);
    walk.markRead(code, parsed.data.NGAYCAPNHAT);
    codes.add(code);
  }

  const details = await mapConcurrent([...codes], concurrency, async (code) => {
    const detail = await client.getProcedure(code, signal);
    if (detail === null) return null; // gone since the list was read (§1: -2 is not an error)
    const decisionId = decisionIdOf(detail);
    const decision = decisionId ? await client.getDecision(decisionId, signal) : undefined;
    return { code, detail, result: toNationalProcedure(detail, decision) };
  });

  const mapped = new Map<string, Mapped<NationalProcedureRecord>>();
  for (const entry of details) {
    if (entry === null) continue;
    const { code, detail, result } = entry;
    if (result.ok)
      mapped.set(result.record.code, { key: result.record.code, row: result.record, raw: detail });
    else
      rejected.push({
        externalKey: keyOf(detail) ?? code,
        field: result.field,
        reason: result.reason,
        raw: detail,
      });
  }
  return { items: [...mapped.values()], rejected };
}

function codeOf(matthc: string): string {
  return matthc.normalize('NFC').trim();
}

function keyOf(raw: unknown): string | null {
  const code = (raw as { MATTHC?: unknown } | null)?.MATTHC;
  return typeof code === 'string' && code.trim() !== '' ? codeOf(code) : null;
}

function decisionIdOf(detail: unknown): string | null {
  const id = (detail as { IDQUYETDINHCONGBO?: unknown } | null)?.IDQUYETDINHCONGBO;
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : null;
}

const checkpointSchema = z.object({
  page: z.number().int().min(1),
  since: z.string().nullable().catch(null),
  cursor: z.string().nullable().catch(null),
});

/** An unreadable checkpoint restarts the walk: slower, never wrong. */
export function parseCheckpoint(text: string | null): Checkpoint | null {
  return decodeCheckpoint(text, checkpointSchema);
}
