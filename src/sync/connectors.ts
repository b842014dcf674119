/** Builds the connector of a source from the configuration. */

import { createIgateConnector } from '../../connectors/igate';
import type { Connector } from '../../connectors/kit/types';
import { newRequestStats } from '../../connectors/kit/types';
import { createNationalConnector } from '../../connectors/national';
import { createPaknConnector } from '../../connectors/pakn';
import type { HubConfig } from '../config';
import type { Source } from '../domain/model';
import type { Logger } from '../log';
import { syncErrors } from './errors';

export type ConnectorFactory = (source: Source) => Connector;

export function connectorFactory(config: HubConfig, log: Logger): ConnectorFactory {
  return (source) => {
    const stats = newRequestStats();
    const logger = log.child({ source });
    const tuning = {
      timeoutMs: config.upstream.timeoutMs,
      maxRetries: config.upstream.maxRetries,
      concurrency: config.upstream.concurrency,
    };
    switch (source) {
      case 'NATIONAL':
        if (!config.national.url) throw syncErrors.notConfigured('NATIONAL_URL is not set');
        return createNationalConnector(
          { ...config.national, url: config.national.url, ...tuning },
          { stats, logger },
        );
      case 'IGATE':
        if (!config.igate.url) throw syncErrors.notConfigured('IGATE_URL is not set');
        return createIgateConnector(
          { ...config.igate, url: config.igate.url, piiSalt: config.piiSalt, ...tuning },
          { stats, logger },
        );
      case 'PAKN':
        if (!config.pakn.url) throw syncErrors.notConfigured('PAKN_URL is not set');
        return createPaknConnector({ ...config.pakn, url: config.pakn.url, ...tuning }, { stats, logger });
      default:
        throw syncErrors.notConfigured(`the ${source} connector is not available yet`);
    }
  };
}
