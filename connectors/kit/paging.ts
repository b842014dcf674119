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

export type StopReason = 'empty' | 'last' | 'repeated';

export interface PaginateOptions<T> {
  fetch(position: number): Promise<PageResult<T>>;
  /** First page number (0 or 1) or offset, or where an interrupted walk resumes. */
  startPage: number;
  /** `page`: position + 1 (default); `offset`: position + items on the page. */
  style?: 'page' | 'offset';
  /** Item identity for the repeated-page guard; default JSON of the item. */
  keyOf?: (item: T) => string;
  onStop?(reason: StopReason): void;
}

/**
 * Stops on an empty page, a `last` flag, or a page identical to the previous one. Never on
 * reaching `total`: upstream totals count rows that move or repeat while a list is paged,
 * so stopping there ends a walk one page early (a row never read). An empty page costs
 * one request; a missed row costs a record.
 */
export async function* paginate<T>(options: PaginateOptions<T>): AsyncGenerator<FetchedPage<T>, StopReason> {
  const style = options.style ?? 'page';
  const keyOf = options.keyOf ?? ((item: T) => JSON.stringify(item));
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

    const next = style === 'offset' ? position + result.items.length : position + 1;
    const total = result.total ?? null;
    yield { position, next, items: result.items, total };

    if (result.last === true) return stop('last');
    position = next;
  }
}
