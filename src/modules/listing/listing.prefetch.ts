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
type Plan = ReturnType<typeof planOf>;
/** The plan's columns as one JSON array (cheaper to build than an object), in plan order. */
const valuesOf = (plan: Plan) => `json_build_array(${plan.columns.map((c) => `l.${c}`).join(', ')})`;
/** A row of the plan's columns from that array. */
const rowOf = (plan: Plan) => (values: unknown[]) => {
  const row: Row = {};
  plan.columns.forEach((c, i) => {
    row[c] = values[i];
  });
  return toListingNode(plan)(row);
};

/** The listing whose own code is in a parent's `column`; tombstoned ones answer too (as listingsByCodes). */
export const listingPrefetch =
  (column: string): PrefetchProvider =>
  ({ col, selected }) => {
    const plan = planOf(selected);
    const build = rowOf(plan);
    return {
      sql: `select ${valuesOf(plan)} from provincial_listing l where l.code = ${col(column)}`,
      params: [],
      read: (v) => (v == null ? null : build(v as unknown[])),
    };
  };

// `Procedure.listings`: the live listings of the code, by code (as listingsOfNationalCodes).
registerPrefetch('Procedure', 'listings', ({ col, selected }) => {
  const plan = planOf(selected);
  const build = rowOf(plan);
  return {
    sql: `select coalesce(json_agg(${valuesOf(plan)} order by l.code), '[]'::json)
          from provincial_listing l where l.national_code = ${col('code')} and l.deleted_at is null`,
    params: [],
    read: (v) => (v as unknown[][]).map(build),
  };
});
