/**
 * Dossier relations answered inside a parent list's statement (src/graph/prefetch.ts):
 * an agency's count of dossiers (`agencies { edges { node { dossiers(first: 0, …) {
 * totalCount } } } }`, the units overview), and a dossier's procedure and listing.
 */
import { toConnection } from '../../graph/connection';
import { registerPrefetch } from '../../graph/prefetch';
import { listingPrefetch } from '../listing';
import { procedurePrefetch } from '../procedure';
import type { DossierFilter, DossierOrderBy } from './dossier.args';
import { cursorKeyOf } from './dossier.service';
import { whereOf } from './dossier.where';

interface CountArgs {
  first?: number | null;
  after?: string | null;
  filter?: DossierFilter | null;
  orderBy?: DossierOrderBy | null;
  includeDescendants?: boolean | null;
}

// Only `first: 0` without a cursor or descendants: a count, as nestedConnection answers it.
registerPrefetch('Agency', 'dossiers', ({ col, args, ctx }) => {
  const a = args as CountArgs;
  if (a.first !== 0 || a.after != null || a.includeDescendants || a.filter?.includeDescendants) return null;
  let where: ReturnType<typeof whereOf>;
  try {
    where = whereOf(a.filter ?? null, null, ctx.scope.agencyCodes);
  } catch {
    return null; // bad input: the resolver answers it, as before
  }
  return {
    sql: `select count(*) from dossier d where d.agency_code = ${col('code')} and ${where.sql.join(' and ')}`,
    params: where.params,
    read: (v) => {
      const n = Number(v);
      return toConnection({
        list: `dossier:${a.orderBy ?? 'UPDATED_DESC'}`,
        rows: [],
        first: 0,
        hadCursor: false,
        keyOf: cursorKeyOf(a.orderBy),
        more: async () => n > 0,
        count: async () => n,
      });
    },
  };
});

registerPrefetch('Dossier', 'procedure', procedurePrefetch('national_code'));
registerPrefetch('Dossier', 'listing', listingPrefetch('listing_code'));
