/**
 * Boots the hub: database (embedded or DATABASE_URL) and migrations, simulated portals
 * when no upstream is configured, the services, then by role the schedules and the graph.
 */
import type { HubConfig } from './config';
import { type Database, openDatabase } from './db/database';
import type { HubServices } from './graph/context';
import type { Logger } from './log';
import { CheckService } from './modules/check';
import { pointAtSimulators, type Simulators, startSimulators } from './simulate';
import { checkJob } from './sync/check-triggers';
import { connectorFactory } from './sync/connectors';
import { syncJobs } from './sync/jobs';
import { retentionJob } from './sync/retention';
import { Scheduler } from './sync/scheduler';
import { SyncService } from './sync/sync.service';

export interface HubRuntime {
  config: HubConfig;
  db: Database;
  sims: Simulators | null;
  services: HubServices;
  close(): Promise<void>;
}

/** Database, simulators and services: what every command needs. */
export async function openRuntime(
  config: HubConfig,
  log: Logger,
  options: { exclusive?: boolean } = {},
): Promise<HubRuntime> {
  const db = await openDatabase(config, log, { migrate: true, exclusive: options.exclusive });
  let sims: Simulators | null = null;
  let effective = config;
  try {
    if (config.simulate) {
      sims = await startSimulators(config, log);
      effective = pointAtSimulators(config, sims);
    }
  } catch (e) {
    await db.close();
    throw e;
  }
  const sync = new SyncService(db.orm, effective, log, connectorFactory(effective, log));
  return {
    config: effective,
    db,
    sims,
    services: { config: effective, sync, checks: new CheckService(db.orm, log) },
    async close() {
      await sims?.close();
      await db.close();
    },
  };
}

export function createScheduler(runtime: HubRuntime, log: Logger): Scheduler {
  const jobs = syncJobs(runtime.services.sync, runtime.config);
  const checks = runtime.config.schedules.checks;
  if (checks) jobs.push(checkJob(runtime.services.checks, checks));
  const { piiRetentionDays } = runtime.config;
  const erase = runtime.config.schedules.piiErase;
  if (piiRetentionDays && erase) jobs.push(retentionJob(runtime.db.orm, piiRetentionDays, erase));
  return new Scheduler(runtime.db.orm, log, jobs);
}
