/** Listing queries: by code, and by the national code they publish. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProvincialListingNode } from './listing.types';
import { ProvincialListing } from './provincial-listing.entity';

export function toListingView(e: ProvincialListing): ProvincialListingNode {
  return {
    code: e.code,
    nationalCode: e.nationalCode,
    nationalCodeInferred: e.nationalCodeInferred,
    name: e.name,
    sector: e.sector ?? null,
    levels: e.levels,
    agencies: e.agencies,
    channels: e.channels,
    onlineLevel: e.onlineLevel ?? null,
    legalBases: e.legalBases,
    decisionNumber: e.decisionNumber ?? null,
    decisionDate: e.decisionDate ?? null,
    active: e.active,
    updatedAt: e.sourceUpdatedAt,
    unreadableFields: e.issues.map((i) => ({ field: i.field, reason: i.reason })),
    syncedAt: e.updatedAt,
    deletedAt: e.deletedAt ?? null,
  };
}

/** Listings by their own codes; tombstoned ones still answer (a dossier may point at one). */
export async function listingsByCodes(
  em: EntityManager,
  codes: readonly string[],
): Promise<ProvincialListingNode[]> {
  return (await em.find(ProvincialListing, { code: { $in: [...codes] } })).map(toListingView);
}

/** The live listings of these national codes (active or withdrawn), by code. */
export async function listingsOfNationalCodes(
  em: EntityManager,
  nationalCodes: readonly string[],
): Promise<ProvincialListingNode[]> {
  const rows = await em.find(
    ProvincialListing,
    { nationalCode: { $in: [...nationalCodes] }, deletedAt: null },
    { orderBy: { code: 'asc' } },
  );
  return rows.map(toListingView);
}
