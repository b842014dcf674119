/** The scheduled jobs: one sync per configured source (its own cron), and the checks. */

import type { HubConfig } from '../config';
import type { Source } from '../domain/model';
import { RunOverlapError } from './ledger';
import type { Job } from './scheduler';
import type { SyncService } from './sync.service';

const SCHEDULE_OF: Record<Source, keyof HubConfig['schedules']> = {
  NATIONAL: 'national',
  IGATE: 'igate',
  PAKN: 'pakn',
};

export function syncJob(sync: SyncService, source: Source, expression: string): Job {
  return {
    name: `sync:${source.toLowerCase()}`,
    expression,
    async run(signal) {
      try {
        const r = await sync.run(source, { trigger: 'SCHEDULE', signal });
        return `run ${r.id}: ${r.status}`;
      } catch (e) {
        if (e instanceof RunOverlapError) return 'skipped: a run of this source is already going';
        throw e;
      }
    },
  };
}

export function syncJobs(sync: SyncService, config: HubConfig): Job[] {
  const jobs: Job[] = [];
  for (const source of sync.enabledSources()) {
    const expression = config.schedules[SCHEDULE_OF[source]];
    if (expression) jobs.push(syncJob(sync, source, expression));
  }
  return jobs;
}
