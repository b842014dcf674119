/**
 * What a list resolver hands its service: the page (first, after), the filter and order
 * as asked, the agency filter widened to its descendants, the caller's agency scope, and
 * what the selection needs (its columns, the relations answered in the page's statement).
 */
import type { GraphContext } from './context';
import type { Prefetch } from './prefetch';

export interface ScopedPage<Filter, OrderBy, Plan> {
  first: number;
  after?: string | null;
  filter?: Filter | null;
  orderBy?: OrderBy | null;
  /** The agency filter widened to these codes (includeDescendants). */
  agencies?: readonly string[] | null;
  /** Only the columns the request's selection needs; every column without one. */
  plan?: Plan;
  /** The caller's agency scope (ctx.scope.agencyCodes). */
  agencyCodes?: readonly string[] | null;
  /**
   * Relations answered in the page's own statement (src/graph/prefetch.ts), written over
   * the row as `pk.<column>`: each is computed once per distinct code (keysetPageKeyed).
   */
  prefetch?: Prefetch;
}

/** The page, filter and order of a list's arguments, with the widened agencies and the caller's scope. */
export function scopedPage<Filter, OrderBy>(
  args: { after?: string | null; filter?: Filter | null; orderBy?: OrderBy | null },
  first: number,
  agencies: readonly string[] | null,
  ctx: GraphContext,
): ScopedPage<Filter, OrderBy, never> {
  return {
    first,
    after: args.after,
    filter: args.filter,
    orderBy: args.orderBy,
    agencies,
    agencyCodes: ctx.scope.agencyCodes,
  };
}
