/** Listing queries: by code, and by the national code they publish; only the selected fields' columns. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { readQuery } from '../../db/sql';
import { type ColumnPlan, col, type FieldReaders, instant, orNull } from '../../graph/columns';
import { asNode } from '../../graph/node';
import { ProvincialListingNode } from './listing.types';

type Row = Record<string, unknown>;

export const LISTING_READERS: FieldReaders<ProvincialListingNode, Row> = {
  code: col('code'),
  nationalCode: col('national_code'),
  nationalCodeInferred: col('national_code_inferred'),
  name: col('name'),
  sector: col('sector', orNull),
  levels: col('levels'),
  agencies: col('agencies'),
  channels: col('channels'),
  onlineLevel: col('online_level', orNull),
  legalBases: col('legal_bases'),
  decisionNumber: col('decision_number', orNull),
  decisionDate: col('decision_date', instant),
  active: col('active'),
  updatedAt: col('source_updated_at', instant),
  unreadableFields: col('issues', (v) =>
    (v as { field: string; reason: string }[]).map((i) => ({ field: i.field, reason: i.reason })),
  ),
  syncedAt: col('updated_at', instant),
  deletedAt: col('deleted_at', instant),
};

/** Every listing node carries its code and national code: the loaders key by them, `procedure` follows one. */
export const LISTING_KEYS = ['code', 'national_code'];

export const toListingNode = (plan: ColumnPlan<ProvincialListingNode, Row>) => (r: Row) =>
  asNode(ProvincialListingNode, {
    ...plan.build(r),
    code: String(r.code),
    nationalCode: String(r.national_code),
  });

const select = (plan: ColumnPlan<ProvincialListingNode, Row>) => plan.columns.map((c) => `l.${c}`).join(', ');

/** Listings by their own codes; tombstoned ones still answer (a dossier may point at one). */
export async function listingsByCodes(
  em: EntityManager,
  codes: readonly string[],
  plan: ColumnPlan<ProvincialListingNode, Row>,
): Promise<ProvincialListingNode[]> {
  const rows = await readQuery(
    em,
    `select ${select(plan)} from provincial_listing l where l.code = any(?::text[])`,
    [[...codes]],
  );
  return rows.map(toListingNode(plan));
}

/** The live listings of these national codes (active or withdrawn), by code. */
export async function listingsOfNationalCodes(
  em: EntityManager,
  nationalCodes: readonly string[],
  plan: ColumnPlan<ProvincialListingNode, Row>,
): Promise<ProvincialListingNode[]> {
  const rows = await readQuery(
    em,
    `select ${select(plan)} from provincial_listing l
     where l.national_code = any(?::text[]) and l.deleted_at is null order by l.code`,
    [[...nationalCodes]],
  );
  return rows.map(toListingNode(plan));
}
