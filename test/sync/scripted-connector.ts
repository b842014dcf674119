/**
 * A connector whose upstream is an in-memory list, for testing the sync engine's own
 * rules (checkpoints, deletions, quarantine) precisely. The HTTP connectors are tested
 * against the simulators; this one stands in at the Connector interface only.
 */

import { ConnectorError } from '../../connectors/kit/errors';
import type { Connector, Page, ReadOptions, Rejected } from '../../connectors/kit/types';
import { newRequestStats } from '../../connectors/kit/types';
import type { SectorRecord } from '../../src/domain/model';

export interface ScriptedUpstream {
  sectors: SectorRecord[];
  rejected?: Rejected[];
  pageSize?: number;
  /** Throw when reading this page index (0-based) of a walk. */
  failAtPage?: number | null;
  /** Pages read, in order, as `checkpoint` values they started from. */
  reads: (string | null)[];
}

export function scriptedConnector(up: ScriptedUpstream): Connector {
  const stats = newRequestStats();
  return {
    source: 'NATIONAL',
    stats,
    streams: [
      {
        name: 'sectors',
        async *read(o: ReadOptions): AsyncIterable<Page<SectorRecord>> {
          const size = up.pageSize ?? 3;
          let start = o.resumeFrom ? Number(o.resumeFrom) : 0;
          let page = 0;
          up.reads.push(o.resumeFrom);
          while (start < up.sectors.length || (start === 0 && up.sectors.length === 0)) {
            if (up.failAtPage === page)
              throw new ConnectorError('upstream_down', 'scripted failure', { retryable: true });
            stats.requests++;
            const slice = up.sectors.slice(start, start + size);
            start += size;
            yield pageOf(up, slice, page, start);
            page++;
            if (slice.length === 0) break;
          }
        },
      },
    ],
  };
}

/** The page ending at `end`; the first one carries the scripted rejects. */
function pageOf(up: ScriptedUpstream, slice: SectorRecord[], page: number, end: number): Page<SectorRecord> {
  return {
    items: slice.map((s) => ({ key: s.code, row: s, raw: { MALINHVUC: s.code, TENLINHVUC: s.name } })),
    rejected: page === 0 ? (up.rejected ?? []) : [],
    checkpoint: String(end),
    cursor: `c${String(Math.min(end, up.sectors.length)).padStart(4, '0')}`,
  };
}

export function sectors(n: number, suffix = ''): SectorRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    code: `S${String(i).padStart(3, '0')}`,
    name: `Lĩnh vực ${i}${suffix}`,
    industryCode: null,
  }));
}
