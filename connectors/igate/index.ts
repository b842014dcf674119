import type { Logger } from '../kit/http';
import type { Connector, RequestStats } from '../kit/types';
import { newRequestStats } from '../kit/types';
import { IgateClient, type IgateConfig } from './client';
import { agenciesStream, dossiersStream, listingsStream, pageSizeOf } from './streams';

export type { IgateConfig } from './client';
export { IgateClient } from './client';

/**
 * The provincial one-stop system, iGate (upstream-apis.md §2), as streams in the order
 * they must be synced: `agencies`, `listings`, `dossiers`.
 */
export function createIgateConnector(
  config: IgateConfig,
  deps: { stats?: RequestStats; logger?: Logger } = {},
): Connector {
  const stats = deps.stats ?? newRequestStats();
  const client = new IgateClient(config, { stats, ...(deps.logger ? { logger: deps.logger } : {}) });
  return {
    source: 'IGATE',
    streams: [
      agenciesStream(client, pageSizeOf(config)),
      listingsStream(client, config, deps.logger),
      dossiersStream(client, config, deps.logger),
    ],
    stats,
    close: async () => client.close(),
  };
}
