/**
 * For tests that send a `hub serve` process queries of millions of nested nodes
 * (test/shutdown.test.ts, test/heap-guard.test.ts): the query, the request, and the
 * simulated, unscheduled serve they run against.
 */
import type { HubProcess } from './process';

/** agency → `first` dossiers → their agency → …, `levels` deep. */
export const nestedAgencies = (levels: number, first: number): string =>
  levels === 0
    ? 'code name'
    : `code dossiers(first: ${first}) { edges { node { code agency { ${nestedAgencies(levels - 1, first)} } } } }`;

export interface Answer {
  data?: unknown;
  errors?: { message?: string; extensions?: { code?: string } }[];
}

export async function post(url: string, key: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as Answer };
}

/** A simulated province of 1,500 dossiers, no schedules: the hub does nothing but answer. */
export const QUIET_SIMULATED_SERVE = {
  HUB_SIMULATE: '1',
  HOST: '127.0.0.1',
  PORT: '0',
  SIM_PROCEDURES: '30',
  SIM_DOSSIERS: '1500',
  SIM_FEEDBACKS: '10',
  SYNC_SCHEDULE_NATIONAL: 'off',
  SYNC_SCHEDULE_IGATE: 'off',
  SYNC_SCHEDULE_PAKN: 'off',
  CHECK_SCHEDULE: 'off',
};

/** The graph's URL and the admin key a started `hub serve` printed. */
export function graphOf(hub: HubProcess): { url: string; key: string } {
  return {
    url: /graph:\s+(\S+)/.exec(hub.stderr())![1]!.replace('localhost', '127.0.0.1'),
    key: /API key:\s+(\S+)/.exec(hub.stderr())![1]!,
  };
}
