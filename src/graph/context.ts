/** What every resolver gets: a request-scoped EntityManager fork, loaders, the caller. */

import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { HubConfig } from '../config';
import type { Logger } from '../log';
import type { Principal, Scope } from './auth';
import type { RequestBudget } from './request-budget';

/**
 * The services behind the graph. This layer sits below the modules and the engine, so it
 * cannot name their classes: each adds its entry where it defines the service, by
 * augmentation (`declare module '../graph/context' { interface HubServices { sync: SyncService } }`,
 * see src/sync/sync.service.ts and src/modules/check/check.service.ts).
 */
export interface HubServices {
  config: HubConfig;
}

/**
 * The guard's outcome when the fast lane (src/graph/fast-lane.ts) has already run it for
 * this request's operation: Apollo, answering the same request after the lane handed it
 * over, awaits that outcome instead of measuring and charging the key a second time.
 */
export interface PreGuarded {
  query: string;
  operationName: string | null;
  outcome: Promise<void>;
}

export interface GraphContext {
  em: EntityManager;
  /** A fork on the read replica (DATABASE_READ_URL) when one is configured: reports read there. */
  readEm?: EntityManager;
  principal: Principal;
  /** The data the caller may see: apply `scope.agencyCodes` to every agency-owned list. */
  scope: Scope;
  /** Also in the X-Request-Id header and every error's extensions.requestId. */
  requestId: string;
  /** The operation's cost, once measured (src/graph/limits). */
  cost?: number;
  /** Set by the fast lane when it has run the guard for this request (src/graph/limits). */
  preGuarded?: PreGuarded;
  log: Logger;
  services: HubServices;
  loaders: Map<string, DataLoader<unknown, unknown>>;
  /** Set by the HTTP server: the request's time budget (absent in direct executions). */
  budget?: RequestBudget;
}

/**
 * Thousands of resolvers may wait on one batch; when it arrives they all resume in one
 * uninterruptible burst. Handing each value on through the request's pace keeps the event
 * loop turning (health checks, timers, signals) and stops the work once the request is
 * cancelled.
 */
class PacedLoader<K, V> extends DataLoader<K, V> {
  constructor(
    private readonly budget: RequestBudget,
    batch: DataLoader.BatchLoadFn<K, V>,
    options: DataLoader.Options<K, V>,
  ) {
    super(batch, { ...options, batchScheduleFn: (dispatch) => budget.scheduleBatch(dispatch) });
  }

  override load(key: K): Promise<V> {
    return this.budget.paced(super.load(key));
  }
}

/**
 * The request's loader of that name, made on first use. Batch functions return one value
 * per key, in key order (null when missing).
 */
export function loaderFor<K, V>(
  ctx: GraphContext,
  name: string,
  batch: (keys: readonly K[]) => Promise<(V | null)[]>,
): DataLoader<K, V | null> {
  let l = ctx.loaders.get(name) as DataLoader<K, V | null> | undefined;
  if (!l) {
    l = ctx.budget
      ? new PacedLoader<K, V | null>(ctx.budget, batch, { maxBatchSize: 1000 })
      : new DataLoader<K, V | null>(batch, { maxBatchSize: 1000 });
    ctx.loaders.set(name, l as DataLoader<unknown, unknown>);
  }
  return l;
}

/** Orders rows by the requested keys; a batch function's usual last step. */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const r of rows) map.set(keyOf(r), r);
  return keys.map((k) => map.get(k) ?? null);
}

/** Groups rows by key for one-to-many loaders. */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
