/** The one abortable wait of the connectors (retry backoff, the webhook's backoff, the iGate window lag). */
import { setTimeout as delay } from 'node:timers/promises';
import { ConnectorError } from './errors';

/**
 * Waits `ms`; rejects with a ConnectorError `aborted` (message `why`) when `signal` is or
 * becomes aborted, so a cancelled sync stops waiting at once.
 */
export async function abortableWait(
  ms: number,
  signal: AbortSignal | undefined,
  why: string,
  /** false: the wait does not keep the process alive (a background delivery's backoff). */
  ref = true,
): Promise<void> {
  if (signal?.aborted) throw new ConnectorError('aborted', why);
  if (ms <= 0) return;
  try {
    await delay(ms, undefined, { signal, ref });
  } catch (error) {
    // timers/promises rejects with an AbortError only when the signal aborted.
    if (signal?.aborted) throw new ConnectorError('aborted', why, { cause: error });
    throw error;
  }
}
