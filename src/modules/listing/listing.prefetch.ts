/**
 * Listing relations answered inside a parent list's statement (src/graph/prefetch.ts): a
 * procedure's listings, and the listing a row's listing code names.
 */
import { planForFields } from '../../graph/columns';
import { type PrefetchProvider, registerPrefetch } from '../../graph/prefetch';
import { LISTING_KEYS, LISTING_READERS, toListingNode } from './listing.service';
import type { ProvincialListingNode } from './listing.types';

type Row = Record<string, unknown>;

const planOf = (selected: ReadonlySet<string>) =>
  planForFields(selected, LISTING_READERS, LISTING_KEYS, (f) => f as ProvincialListingNode);
const columnsOf = (plan: ReturnType<typeof planOf>) => plan.columns.map((c) => `l.${c}`).join(', ');

/** The listing whose own code is in a parent's `column`; tombstoned ones answer too (as listingsByCodes). */
export const listingPrefetch =
  (column: string): PrefetchProvider =>
  ({ col, selected }) => {
    const plan = planOf(selected);
    return {
      sql: `select row_to_json(x) from (select ${columnsOf(plan)} from provincial_listing l
            where l.code = ${col(column)}) x`,
      params: [],
      read: (v) => (v == null ? null : toListingNode(plan)(v as Row)),
    };
  };

// `Procedure.listings`: the live listings of the code, by code (as listingsOfNationalCodes).
registerPrefetch('Procedure', 'listings', ({ col, selected }) => {
  const plan = planOf(selected);
  return {
    sql: `select coalesce(json_agg(x order by x.code), '[]'::json) from (select ${columnsOf(plan)}
          from provincial_listing l where l.national_code = ${col('code')} and l.deleted_at is null) x`,
    params: [],
    read: (v) => (v as Row[]).map(toListingNode(plan)),
  };
});
