import type { AgencyRecord, DossierRecord, ProvincialListingRecord } from '../../src/domain/model';
import { ConnectorError } from '../kit/errors';
import type { Logger } from '../kit/http';
import { paginate } from '../kit/paging';
import { PERSONAL_FIELDS, redactPayload } from '../kit/pii';
import type { Mapped, Rejected, Stream } from '../kit/types';
import type { IgateClient, IgateConfig } from './client';
import { MAX_PAGE_SIZE } from './client';
import { type MapResult, resolveParents, toDossier, toIgateAgency, toListing } from './map';
import { rawCode } from './records';
import { walkWindows } from './window-walk';

const DAY_MS = 86_400_000;
export const DEFAULTS = {
  pageSize: 500,
  windowLagMs: 2_000,
  windowSpanMs: 30 * DAY_MS,
  maxSpanMs: 366 * DAY_MS,
  maxWindowPages: 20,
  catchUpRounds: 3,
  since: '2010-01-01T00:00:00+07:00',
} as const;

/**
 * §2 "Agencies": the list is small and iGate names parents by id, so every page is read
 * before one Page is handed over with parent codes resolved.
 */
export function agenciesStream(client: IgateClient, pageSize: number): Stream<AgencyRecord> {
  return {
    name: 'agencies',
    async *read(options) {
      const mapped = new Map<string, { row: AgencyRecord; raw: unknown }>();
      const rejected: Rejected[] = [];
      const pages = paginate<unknown>({
        startPage: 0,
        fetch: async (page) => {
          const result = await client.agencies({ page, size: pageSize }, options.signal);
          // `totalElements` is not trusted: a record repeated on two pages would end the walk early.
          return { items: result.content, last: result.last === true || result.content.length < pageSize };
        },
      });
      for await (const page of pages) {
        for (const raw of page.items) {
          const result = toIgateAgency(raw);
          if (result.ok) mapped.set(result.record.code, { row: result.record, raw });
          else rejected.push(rejectedOf(raw, result));
        }
      }
      const rows = resolveParents([...mapped.values()].map((m) => m.row));
      const items = rows.map((row) => ({ key: row.code, row, raw: mapped.get(row.code)?.raw }));
      yield { items, rejected, checkpoint: null, cursor: null };
    },
  };
}

/** §2 "Procedures published by the province", incremental by `updated-from`, in windows. */
export function listingsStream(
  client: IgateClient,
  config: IgateConfig,
  logger?: Logger,
): Stream<ProvincialListingRecord> {
  return {
    name: 'listings',
    read: (read) =>
      walkWindows(
        {
          ...walkSettings(config, 'listings', logger),
          fetch: (query, signal) => client.listings(query, signal),
          build: (raws) => buildPage(raws, toListing),
        },
        read,
      ),
  };
}

/** §2 "Dossiers": bounded updated windows; personal data hashed or redacted on the way. */
export function dossiersStream(
  client: IgateClient,
  config: IgateConfig,
  logger?: Logger,
): Stream<DossierRecord> {
  return {
    name: 'dossiers',
    read: (read) =>
      walkWindows(
        {
          ...walkSettings(config, 'dossiers', logger),
          fetch: (query, signal) => client.dossiers(query, signal),
          build: (raws) => buildPage(raws, (raw) => toDossier(raw, config.piiSalt)),
        },
        read,
      ),
  };
}

export function pageSizeOf(config: IgateConfig): number {
  return Math.max(1, Math.min(config.pageSize ?? DEFAULTS.pageSize, MAX_PAGE_SIZE));
}

function walkSettings(config: IgateConfig, name: string, logger?: Logger) {
  const pageSize = pageSizeOf(config);
  const floor = Date.parse(config.since ?? DEFAULTS.since);
  if (Number.isNaN(floor))
    throw new ConnectorError('igate_bad_since', `igate_bad_since: ${config.since} is not an ISO instant`);
  return {
    name,
    pageSize,
    lagMs: config.windowLagMs ?? DEFAULTS.windowLagMs,
    initialSpanMs: config.windowSpanMs ?? DEFAULTS.windowSpanMs,
    maxSpanMs: Math.max(config.windowSpanMs ?? 0, DEFAULTS.maxSpanMs),
    maxWindowRows: config.maxWindowRows ?? pageSize * DEFAULTS.maxWindowPages,
    catchUpRounds: config.catchUpRounds ?? DEFAULTS.catchUpRounds,
    floor,
    ...(logger ? { logger } : {}),
  };
}

/** Maps one request's rows; raw payloads are redacted before they leave the connector. */
function buildPage<Row extends { code: string }>(
  raws: unknown[],
  map: (raw: unknown) => MapResult<Row>,
): { items: Mapped<Row>[]; rejected: Rejected[] } {
  const items = new Map<string, Mapped<Row>>();
  const rejected: Rejected[] = [];
  for (const raw of raws) {
    const result = map(raw);
    // A code twice in one request is one row (the later wins): one upsert cannot touch a row twice.
    if (result.ok)
      items.set(result.record.code, { key: result.record.code, row: result.record, raw: redact(raw) });
    else rejected.push(rejectedOf(raw, result));
  }
  return { items: [...items.values()], rejected };
}

function rejectedOf(raw: unknown, result: { field: string; reason: string }): Rejected {
  return { externalKey: rawCode(raw), field: result.field, reason: result.reason, raw: redact(raw) };
}

function redact(raw: unknown): unknown {
  return redactPayload(raw, PERSONAL_FIELDS);
}
