/**
 * The sync engine's errors. Their messages begin with the code, as the ledger's
 * `error_message` and the CLI always showed them.
 */
import { HubError } from '../domain/errors';
import type { Source } from '../domain/model';

export const syncErrors = {
  /** The source has no URL (or no connector yet): a setup problem, not worth retrying. */
  notConfigured: (what: string) => new HubError('sync_not_configured', `sync_not_configured: ${what}`),
  /** A connector stream nobody writes: a programming error. */
  noWriter: (source: Source, stream: string) =>
    new HubError('sync_no_writer', `sync_no_writer: no writer for ${source} stream ${stream}`),
};
