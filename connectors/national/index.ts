import type { AgencyRecord, SectorRecord } from '../../src/domain/model';
import type { Logger } from '../kit/http';
import type { Connector, Mapped, Page, Rejected, RequestStats, Stream } from '../kit/types';
import { newRequestStats } from '../kit/types';
import { NationalClient, type NationalConfig } from './client';
import { type MapResult, toAgency, toSector } from './map';
import { proceduresStream } from './procedure-walk';

export type { NationalConfig } from './client';
export { NationalClient } from './client';

const DEFAULT_CONCURRENCY = 10;

/**
 * The national procedure database (upstream-apis.md §1) as streams, reference data
 * first: `sectors`, `agencies`, then `procedures`.
 */
export function createNationalConnector(
  config: NationalConfig,
  deps: { stats?: RequestStats; logger?: Logger } = {},
): Connector {
  const stats = deps.stats ?? newRequestStats();
  const client = new NationalClient(config, { stats, ...(deps.logger ? { logger: deps.logger } : {}) });
  const concurrency = Math.min(config.concurrency ?? DEFAULT_CONCURRENCY, DEFAULT_CONCURRENCY);
  const streams: Stream<unknown>[] = [
    // §1 `LayDanhMucLinhVuc`
    catalogStream<SectorRecord>(
      'sectors',
      (signal) => client.listSectors(signal),
      toSector,
      'MALINHVUC',
      stats,
    ),
    // §1 `LayDanhMucCoQuan`
    catalogStream<AgencyRecord>(
      'agencies',
      (signal) => client.listAgencies(signal),
      toAgency,
      'MADONVI',
      stats,
    ),
    proceduresStream(client, {
      concurrency,
      ...(config.listPageSize ? { pageSize: config.listPageSize } : {}),
      ...(deps.logger ? { logger: deps.logger } : {}),
    }),
  ];
  return {
    source: 'NATIONAL',
    streams,
    stats,
    close: async () => client.close(),
  };
}

/** A catalogue the upstream returns whole, in one call: one Page, no cursor. */
function catalogStream<Row extends { code: string }>(
  name: string,
  fetch: (signal?: AbortSignal) => Promise<unknown[]>,
  map: (raw: unknown) => MapResult<Row>,
  keyField: string,
  stats: RequestStats,
): Stream<Row> {
  return {
    name,
    async *read(options) {
      const raws = await fetch(options.signal);
      stats.pages += 1;
      const items = new Map<string, Mapped<Row>>();
      const rejected: Rejected[] = [];
      for (const raw of raws) {
        const result = map(raw);
        // A code listed twice is one row (the last wins): one upsert cannot touch a row twice.
        if (result.ok) items.set(result.record.code, { key: result.record.code, row: result.record, raw });
        else
          rejected.push({
            externalKey: keyOf(raw, keyField),
            field: result.field,
            reason: result.reason,
            raw,
          });
      }
      const page: Page<Row> = { items: [...items.values()], rejected, checkpoint: null, cursor: null };
      yield page;
    },
  };
}

function keyOf(raw: unknown, field: string): string | null {
  const value = (raw as Record<string, unknown> | null)?.[field];
  return typeof value === 'string' && value.trim() !== '' ? value.normalize('NFC').trim() : null;
}
