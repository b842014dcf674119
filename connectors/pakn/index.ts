import type { LocalDate } from '../../src/domain/model';
import type { Logger } from '../kit/http';
import type { Connector, RequestStats } from '../kit/types';
import { newRequestStats } from '../kit/types';
import { MAX_PAGE_SIZE, PaknClient, type PaknClientConfig } from './client';
import { feedbacksStream } from './feedback-walk';

export type { PaknClientConfig } from './client';
export { PaknClient } from './client';

export interface PaknConfig extends PaknClientConfig {
  /** `soBanGhi`: 200 (the portal's maximum) unless a test wants small pages. */
  pageSize?: number;
  /** Days of the first window (default 31). */
  windowDays?: number;
  /** Rows above which a window is halved (default 20 000): bounds the walk's memory. */
  maxWindowRows?: number;
  /** The first day a full walk reads (default 2010-01-01: before any provincial PAKN portal). */
  firstDay?: LocalDate;
  /** Passes over one day whose rows keep moving before giving up (default 5). */
  maxPasses?: number;
  /** The clock that decides "today" (tests pin it). */
  now?: () => number;
}

export const PAKN_DEFAULTS = {
  windowDays: 31,
  maxWindowRows: 20_000,
  firstDay: '2010-01-01',
  maxPasses: 5,
} as const;

/** The complaint and feedback portal (upstream-apis.md §3): one stream, `feedbacks`. */
export function createPaknConnector(
  config: PaknConfig,
  deps: { stats?: RequestStats; logger?: Logger } = {},
): Connector {
  const stats = deps.stats ?? newRequestStats();
  const client = new PaknClient(config, { stats, ...(deps.logger ? { logger: deps.logger } : {}) });
  const stream = feedbacksStream(client, {
    pageSize: Math.max(1, Math.min(config.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE)),
    windowDays: Math.max(1, config.windowDays ?? PAKN_DEFAULTS.windowDays),
    maxWindowRows: config.maxWindowRows ?? PAKN_DEFAULTS.maxWindowRows,
    firstDay: config.firstDay ?? PAKN_DEFAULTS.firstDay,
    maxPasses: Math.max(1, config.maxPasses ?? PAKN_DEFAULTS.maxPasses),
    now: config.now ?? Date.now,
    ...(deps.logger ? { logger: deps.logger } : {}),
  });
  return { source: 'PAKN', streams: [stream], stats, close: async () => client.close() };
}
