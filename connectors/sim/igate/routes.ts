/**
 * iGate's data routes (upstream-apis.md §2): bearer token, Spring pages, `updated-from`/
 * `updated-to` windows (a `+` sent bare arrives as a space and is refused, as a real
 * server would), and the protocol faults: an error in a 200, a token that expires, the
 * same record on two pages, rows changed or added while a window is paged.
 */
import type { FaultKind } from '../kit/faults';
import { rngFor } from '../kit/prng';
import type { SimRequest, SimResponse, SimRoute } from '../kit/server';
import { fromIsoWithOffset } from '../kit/time';
import type { World, WorldAgency } from '../world';
import type { DossierSource } from './dossier-source';
import type { ListingStore, WindowPage } from './listing-store';

interface RouteDeps {
  world: World;
  listings: ListingStore;
  dossiers: DossierSource;
  tokens: Map<string, number>;
  now: () => number;
  seed: number;
}

interface Query {
  page: number;
  size: number;
  from: number;
  to: number;
}

const MAX_SIZE = 1000;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?([+-]\d{2}:?\d{2}|Z)$/;
const LEVEL_ID = { PROVINCE: 1, DISTRICT: 2, COMMUNE: 3 } as const;
const ALWAYS: readonly FaultKind[] = ['errorcode', 'expire'];

export function dataRoutes(deps: RouteDeps): SimRoute[] {
  let shifts = 0;
  const { listings, dossiers, now } = deps;

  const guarded =
    (serve: (req: SimRequest, q: Query) => SimResponse) =>
    (req: SimRequest): SimResponse => {
      const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
      const expiresAt = deps.tokens.get(token);
      if (expiresAt === undefined || expiresAt <= now() || req.fault === 'expire') {
        deps.tokens.delete(token);
        return { status: 401, body: { error: 'invalid_token', error_description: 'Token is not active' } };
      }
      if (req.fault === 'errorcode') {
        return {
          body: {
            timestamp: new Date(now()).toISOString(),
            status: 500,
            error: 'Internal Server Error',
            message: 'Lỗi hệ thống',
            path: req.path,
          },
        };
      }
      const q = parseQuery(req);
      if (typeof q === 'string')
        return { status: 400, body: { status: 400, error: 'Bad Request', message: q, path: req.path } };
      return serve(req, q);
    };

  /** A change made while a client pages this window: only a window with rows can change. */
  const shift = (q: Query, kind: 'listings' | 'dossiers'): void => {
    const rng = rngFor(deps.seed, `igate-shift-${kind}`, shifts++);
    const offset = q.page * q.size;
    if (kind === 'listings') {
      const slot = listings.pickInWindow(q.from, q.to, rng.next(), offset);
      if (slot !== null) listings.bump(slot, now());
      return;
    }
    const victim = dossiers.pickInWindow(q.from, q.to, rng.next(), offset);
    if (victim === null) return;
    // Stamped now, like any change: it leaves a window that ends in the past.
    if (rng.chance(0.3)) dossiers.add(now());
    else dossiers.bump(victim, now());
  };

  const windowed = (
    path: string,
    kind: 'listings' | 'dossiers',
    source: { page(from: number, to: number, page: number, size: number, duplicate: boolean): WindowPage },
  ): SimRoute => ({
    method: 'GET',
    path,
    faults: () => [...ALWAYS, 'duplicate', 'shift'],
    handle: guarded((req, q) => {
      if (req.fault === 'shift') shift(q, kind);
      return pageBody(q, source.page(q.from, q.to, q.page, q.size, req.fault === 'duplicate'));
    }),
  });

  return [
    {
      method: 'GET',
      path: '/ba/agency/search',
      faults: (req) => (Number(req.query.get('page') ?? 0) > 0 ? [...ALWAYS, 'duplicate'] : ALWAYS),
      handle: guarded((req, q) => {
        const all = deps.world.agencies;
        const start = q.page * q.size;
        const picked = all.slice(start, start + q.size);
        const before = all[start - 1];
        if (req.fault === 'duplicate' && before && picked.length > 0) picked.unshift(before);
        return pageBody(q, { content: picked.map(agencyRaw), total: all.length });
      }),
    },
    windowed('/bo/procedure/search', 'listings', listings),
    windowed('/pa/dossier/search', 'dossiers', dossiers),
  ];
}

function parseQuery(req: SimRequest): Query | string {
  const page = Number(req.query.get('page') ?? 0);
  const size = Number(req.query.get('size') ?? 20);
  if (!Number.isInteger(page) || page < 0) return 'page must be a whole number from 0';
  if (!Number.isInteger(size) || size < 1 || size > MAX_SIZE) return `size must be from 1 to ${MAX_SIZE}`;
  const bound = (name: string, fallback: number): number | string => {
    const raw = req.query.get(name);
    if (raw === null) return fallback;
    if (!ISO.test(raw)) return `${name}: "${raw}" is not an ISO date-time with offset`;
    return fromIsoWithOffset(raw) ?? `${name}: "${raw}" is not a real date-time`;
  };
  const from = bound('updated-from', Number.NEGATIVE_INFINITY);
  const to = bound('updated-to', Number.POSITIVE_INFINITY);
  if (typeof from === 'string') return from;
  if (typeof to === 'string') return to;
  return { page, size, from, to };
}

function pageBody(q: Query, page: WindowPage): SimResponse {
  const totalPages = Math.ceil(page.total / q.size);
  return {
    body: {
      content: page.content,
      number: q.page,
      size: q.size,
      totalElements: page.total,
      totalPages,
      numberOfElements: page.content.length,
      first: q.page === 0,
      last: q.page + 1 >= totalPages,
    },
  };
}

function agencyRaw(a: WorldAgency): Record<string, unknown> {
  return {
    id: a.externalId,
    code: a.code,
    name: a.name,
    level: { id: LEVEL_ID[a.level] },
    parent: a.parentExternalId ? { id: a.parentExternalId } : null,
  };
}
