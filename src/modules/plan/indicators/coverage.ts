/**
 * Task 14, one-stop coverage: for each agency with active listings, the dossiers it
 * received in the period, its first and last dossier ever, and its listings no dossier of
 * its own has used. An agency with listings and no dossier at all is flagged: its
 * one-stop work does not go through the software.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../../db/sql';
import type { LocalDate } from '../../../domain/model';
import { localDay } from './sql';
import type { Figure, IndicatorInput } from './types';

export interface AgencyCoverage {
  agencyCode: string;
  listings: number;
  listingsUnused: number;
  received: number;
  firstDossier: LocalDate | null;
  lastDossier: LocalDate | null;
  /** Listings and not one dossier (in any status), ever. */
  flagged: boolean;
}

const RECEIVED = `d.deleted_at is null and d.accepted_at is not null and d.status <> 'NOT_RECEIVED'`;

/** Coverage of the agencies with active listings, or of `agencies` only (null: all), ordered by code. */
export async function oneStopCoverage(
  em: EntityManager,
  period: { from: LocalDate; to: LocalDate },
  agencies: readonly string[] | null,
): Promise<AgencyCoverage[]> {
  const rows = await query<{
    code: string;
    listings: number;
    unused: number;
    received: number;
    first_day: string | null;
    last_day: string | null;
    any_dossier: boolean;
  }>(
    em,
    `with listed as (
       select a.code, l.code as listing_code
         from provincial_listing l, unnest(l.agency_codes) as a(code)
        where l.deleted_at is null and l.active and (?::text[] is null or a.code = any(?::text[]))
     )
     select s.code, s.listings,
            (select count(*) from listed u where u.code = s.code and not exists (
               select 1 from dossier d where d.listing_code = u.listing_code and d.agency_code = s.code and ${RECEIVED}))::int as unused,
            (select count(*) from dossier d where d.agency_code = s.code and ${RECEIVED}
               and ${localDay('d.accepted_at')} between ?::date and ?::date)::int as received,
            (select min(${localDay('d.accepted_at')}) from dossier d where d.agency_code = s.code and ${RECEIVED})::text as first_day,
            (select max(${localDay('d.accepted_at')}) from dossier d where d.agency_code = s.code and ${RECEIVED})::text as last_day,
            exists (select 1 from dossier d where d.agency_code = s.code and d.deleted_at is null) as any_dossier
       from (select code, count(distinct listing_code)::int as listings from listed group by code) s
      order by s.code`,
    [agencies, agencies, period.from, period.to],
  );
  return rows.map((r) => ({
    agencyCode: r.code,
    listings: r.listings,
    listingsUnused: r.unused,
    received: r.received,
    firstDossier: r.first_day,
    lastDossier: r.last_day,
    flagged: !r.any_dossier,
  }));
}

export async function oneStopCoverageFigure(input: IndicatorInput): Promise<Figure> {
  const rows = await oneStopCoverage(input.em, input, input.scope);
  const covered = rows.filter((r) => r.received > 0).length;
  const flagged = rows.filter((r) => r.flagged).map((r) => r.agencyCode);
  return {
    value: rows.length ? covered / rows.length : null,
    numerator: covered,
    denominator: rows.length,
    detail: flagged.length ? `no dossier at all: ${flagged.join(', ')}` : null,
  };
}
