/** Counts each graph operation, its duration and its errors' codes (src/ops/metrics.ts). */
import type { ApolloServerPlugin } from '@apollo/server';
import type { HubMetrics } from './metrics';

export function metricsPlugin(metrics: HubMetrics): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, response }) {
          metrics.answered(operationName ?? request.operationName, (performance.now() - started) / 1000);
          // The answer's errors, as formatted: the codes the client saw.
          if (response.body.kind === 'single')
            for (const e of response.body.singleResult.errors ?? []) metrics.error(e.extensions?.code);
        },
      };
    },
  };
}
