/** The hub's operations endpoints: readiness and metrics, for the main port and METRICS_PORT. */
import type { Orm } from '../db/orm';
import { metricsText } from './metrics';
import type { OpsEndpoints } from './ops-server';
import { hubReadiness } from './readiness';

export { type OpsEndpoints, type OpsServer, serveOps, startOpsServer } from './ops-server';
export { hubReadiness, type Readiness, type ReadinessBody } from './readiness';

/** `schedules`: the worker's scheduler (HUB_ROLE worker or all); absent on an api replica. */
export function hubOps(orm: Orm, schedules?: { problem(): string | null } | null): OpsEndpoints {
  return {
    readiness: hubReadiness(orm, schedules),
    metrics: async () => ({ contentType: 'text/plain; version=0.0.4', body: await metricsText(orm) }),
  };
}
