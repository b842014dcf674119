/**
 * Reads the next item of an async iterable while the consumer works on the current one:
 * the next page downloads and maps while this page's transaction commits. Order is kept,
 * and an error fetching item n+1 surfaces only after item n was handled.
 */
import { logFailure, logger } from '../log';

export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<T>> | null = it.next();
  try {
    while (pending) {
      const current: IteratorResult<T> = await pending;
      if (current.done) {
        pending = null;
        return;
      }
      pending = it.next();
      // The consumer may stop before awaiting this one: its failure is then logged, not
      // left rejecting unheard (when the consumer goes on, it is thrown where awaited).
      pending.catch(logFailure(logger(), 'sync_read_ahead_failed', 'a page read ahead failed'));
      yield current.value;
    }
  } finally {
    if (pending)
      await it
        .return?.()
        .catch(logFailure(logger(), 'sync_read_ahead_close_failed', 'source not closed cleanly'));
  }
}
