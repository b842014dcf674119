/** The hub's operations endpoints: readiness and metrics, for the main port and METRICS_PORT. */
import type { Orm } from '../db/orm';
import { HubMetrics } from './metrics';
import type { OpsEndpoints } from './ops-server';
import { hubReadiness } from './readiness';

export { HubMetrics } from './metrics';
export { metricsPlugin } from './metrics-plugin';
export { type OpsEndpoints, type OpsServer, serveOps, startOpsServer } from './ops-server';
export { hubReadiness, type Readiness, type ReadinessBody } from './readiness';

/** What a hub process serves on /readyz and /metrics, and the metrics its server records into. */
export interface HubOps extends OpsEndpoints {
  recorder: HubMetrics;
}

export function hubOps(deps: {
  orm: Orm;
  readOrm?: Orm | null;
  staleAfterMs: number;
  /** The worker's scheduler (HUB_ROLE worker or all); absent on an api replica. */
  schedules?: { problem(): string | null } | null;
}): HubOps {
  const recorder = new HubMetrics(deps);
  return {
    readiness: hubReadiness(deps.orm, deps.schedules),
    metrics: () => recorder.text(),
    recorder,
  };
}
