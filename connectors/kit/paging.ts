/**
 * One paging helper for page-number (0- or 1-based) and offset APIs. It streams: each
 * page is yielded as it arrives and nothing is collected.
 */

export interface PageResult<T> {
  items: T[];
  /** Total item count, when the upstream says (`tongso`, `totalElements`, `tongSoBanGhi`). */
  total?: number;
  /** The upstream says this is the last page (`last: true`). */
  last?: boolean;
}

export interface FetchedPage<T> {
  /** Page number or offset this page was fetched at. */
  position: number;
  /** Where the next page starts: resume here once this page is committed. */
  next: number;
  items: T[];
  total: number | null;
}

export type StopReason = 'empty' | 'last' | 'total' | 'repeated';

export interface PaginateOptions<T> {
  fetch(position: number): Promise<PageResult<T>>;
  /** First page number (0 or 1) or offset, or where an interrupted walk resumes. */
  startPage: number;
  /** `page`: position + 1 (default); `offset`: position + items on the page. */
  style?: 'page' | 'offset';
  /** Item identity for the repeated-page guard; default JSON of the item. */
  keyOf?: (item: T) => string;
  /** Items before `startPage` when resuming, counted toward `total` (offset style: startPage). */
  itemsBefore?: number;
  onStop?(reason: StopReason): void;
}

/** Stops on an empty page, a `last` flag, reaching `total`, or a page identical to the previous one. */
export async function* paginate<T>(options: PaginateOptions<T>): AsyncGenerator<FetchedPage<T>, StopReason> {
  const style = options.style ?? 'page';
  const keyOf = options.keyOf ?? ((item: T) => JSON.stringify(item));
  let seen = options.itemsBefore ?? (style === 'offset' ? options.startPage : 0);
  let position = options.startPage;
  let previousKeys: string | null = null;

  const stop = (reason: StopReason): StopReason => {
    options.onStop?.(reason);
    return reason;
  };

  for (;;) {
    const result = await options.fetch(position);
    if (result.items.length === 0) return stop('empty');
    // An upstream that repeats its last page forever would otherwise never end the walk.
    const keys = JSON.stringify(result.items.map(keyOf));
    if (keys === previousKeys) return stop('repeated');
    previousKeys = keys;

    seen += result.items.length;
    const next = style === 'offset' ? position + result.items.length : position + 1;
    const total = result.total ?? null;
    yield { position, next, items: result.items, total };

    if (result.last === true) return stop('last');
    if (total !== null && seen >= total) return stop('total');
    position = next;
  }
}
