/**
 * A dossier filter and order as SQL. Each filter the graph offers has an index behind it
 * (Migration20261201090000_graph_indexes): agency, procedure, listing and status each with
 * the update order, the counts by agency or procedure and status, the accepted and
 * appointment orders; statuses go in as one array parameter (`= any(?)`), which the
 * planner sees through, or as `= ?` when there is one.
 */
import type { KeysetOrder } from '../../db/keyset';
import { agencyScopeSql, type Scope } from '../../graph/auth';
import { rangeSql } from '../../graph/date-range';
import { badInput } from '../../graph/errors';
import type { DossierFilter, DossierOrderBy } from './dossier.args';

export interface Where {
  sql: string[];
  params: unknown[];
}

const MAX_CODES = 1000;

/** `agencies`: the agency filter widened to these codes (includeDescendants), else null. */
export function whereOf(
  filter: DossierFilter | null | undefined,
  agencies: readonly string[] | null = null,
  agencyCodes: Scope['agencyCodes'] = null,
): Where {
  // The caller's agency scope (ctx.scope) comes on top of any filter.
  const scope = agencyScopeSql('d.agency_code', agencyCodes);
  const w: Where = { sql: ['d.deleted_at is null', ...scope.sql], params: [...scope.params] };
  const equal = (column: string, value: string | null | undefined): void => {
    if (value === null || value === undefined) return;
    w.sql.push(`${column} = ?`);
    w.params.push(value.trim());
  };
  if (agencies) {
    w.sql.push('d.agency_code = any(?::text[])');
    w.params.push(agencies);
  } else {
    equal('d.agency_code', filter?.agency);
  }
  equal('d.national_code', filter?.procedure);
  equal('d.listing_code', filter?.listing);
  equal('d.channel', filter?.channel);
  if (filter?.codes) {
    if (filter.codes.length > MAX_CODES)
      throw badInput(`codes takes at most ${MAX_CODES} codes`, 'filter.codes');
    w.sql.push('d.code = any(?::text[])');
    w.params.push(filter.codes.map((c) => c.trim()));
  }
  // One status as `=`: an index on (…, status, …) then also serves the order after it.
  if (filter?.status?.length === 1) {
    w.sql.push('d.status = ?');
    w.params.push(filter.status[0]);
  } else if (filter?.status) {
    w.sql.push('d.status = any(?::text[])');
    w.params.push(filter.status);
  }
  for (const [name, column, range] of [
    ['applied', 'd.applied_at', filter?.applied],
    ['accepted', 'd.accepted_at', filter?.accepted],
    ['completed', 'd.completed_at', filter?.completed],
  ] as const) {
    const r = rangeSql(column, range, `filter.${name}`);
    w.sql.push(...r.sql);
    w.params.push(...r.params);
  }
  return w;
}

const ORDER_COLUMNS: Record<string, { column: string; nullable: boolean }> = {
  UPDATED: { column: 'source_updated_at', nullable: false },
  ACCEPTED: { column: 'accepted_at', nullable: true },
  APPOINTMENT: { column: 'appointment_at', nullable: true },
};

export function orderOf(orderBy: DossierOrderBy | null | undefined): KeysetOrder & { name: DossierOrderBy } {
  const name = orderBy ?? 'UPDATED_DESC';
  const [field, direction] = name.split('_') as [string, string];
  const c = ORDER_COLUMNS[field] as { column: string; nullable: boolean };
  return { name, column: c.column, nullable: c.nullable, tie: 'code', desc: direction === 'DESC' };
}
