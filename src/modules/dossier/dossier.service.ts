/**
 * Dossier queries. Newest change first, keyset on (source_updated_at, code) so a page costs
 * the same at row 10 and at row 1,000,000 (index dossier_source_updated_at_code_index);
 * the filters match the other indexes (agency or procedure with accepted date, status).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Connection, decodeCursor, toConnection } from '../../graph/connection';
import { rangeSql } from '../../graph/date-range';
import { badInput } from '../../graph/errors';
import type { DossierFilter } from './dossier.args';
import type { DossierNode } from './dossier.types';

interface Where {
  sql: string[];
  params: unknown[];
}

export interface DossierPageArgs {
  first: number;
  after?: string | null;
  filter?: DossierFilter | null;
}

/** A parent column a nested `dossiers` connection groups by. */
export type ParentColumn = 'national_code' | 'agency_code';

const COLUMNS = `d.code, d.listing_code, d.national_code, d.agency_code, d.status, d.source_status_id, d.channel,
  d.applied_at, d.accepted_at, d.appointment_at, d.completed_at, d.returned_at, d.withdrawn_at, d.supplements,
  d.supplement_count, d.rating_value, d.rated_at, d.applicant_type, d.applicant_name, d.applicant_phone,
  d.applicant_email, d.identity_last4, d.source_updated_at, d.updated_at`;
const ORDER = 'd.source_updated_at desc, d.code desc';

function whereOf(filter: DossierFilter | null | undefined): Where {
  const w: Where = { sql: ['d.deleted_at is null'], params: [] };
  const equal = (column: string, value: string | null | undefined): void => {
    if (value === null || value === undefined) return;
    w.sql.push(`${column} = ?`);
    w.params.push(value.trim());
  };
  equal('d.agency_code', filter?.agency);
  equal('d.national_code', filter?.procedure);
  equal('d.listing_code', filter?.listing);
  equal('d.channel', filter?.channel);
  if (filter?.status) {
    w.sql.push(`d.status in (select jsonb_array_elements_text(?::jsonb))`);
    w.params.push(JSON.stringify(filter.status));
  }
  for (const [column, range] of [
    ['d.applied_at', filter?.applied],
    ['d.accepted_at', filter?.accepted],
    ['d.completed_at', filter?.completed],
  ] as const) {
    const r = rangeSql(column, range);
    w.sql.push(...r.sql);
    w.params.push(...r.params);
  }
  return w;
}

/** `after` as a keyset condition, or null at the start. */
function keysetOf(after: string | null | undefined): Where | null {
  const key = decodeCursor(after, 2);
  if (!key) return null;
  const at = new Date(String(key[0]));
  if (Number.isNaN(at.getTime())) throw badInput('after is not a cursor this list gave out', 'after');
  return { sql: ['(d.source_updated_at, d.code) < (?, ?)'], params: [at, String(key[1])] };
}

export function cursorKey(d: DossierNode): readonly unknown[] {
  return [d.updatedAt.toISOString(), d.code];
}

export async function listDossiers(
  em: EntityManager,
  args: DossierPageArgs,
): Promise<Connection<DossierNode>> {
  const where = whereOf(args.filter);
  const keyset = keysetOf(args.after);
  const sql = [...where.sql, ...(keyset?.sql ?? [])];
  const rows = await em.execute<Record<string, unknown>[]>(
    `select ${COLUMNS} from dossier d where ${sql.join(' and ')} order by ${ORDER} limit ?`,
    [...where.params, ...(keyset?.params ?? []), args.first + 1],
  );
  return toConnection(rows.map(toNode), args.first, keyset !== null, cursorKey, async () => {
    const [c] = await em.execute<{ n: string }[]>(
      `select count(*) as n from dossier d where ${where.sql.join(' and ')}`,
      where.params,
    );
    return Number(c?.n ?? 0);
  });
}

/** One page of dossiers per parent (procedure or agency), in one statement. */
export async function dossiersOfParents(
  em: EntityManager,
  column: ParentColumn,
  keys: readonly string[],
  args: DossierPageArgs,
): Promise<DossierNode[][]> {
  const where = whereOf(args.filter);
  const keyset = keysetOf(args.after);
  const sql = [`d.${column} = k.key`, ...where.sql, ...(keyset?.sql ?? [])];
  const rows = await em.execute<Record<string, unknown>[]>(
    `select d.* from (select distinct jsonb_array_elements_text(?::jsonb) as key) k
     cross join lateral (select ${COLUMNS} from dossier d where ${sql.join(' and ')} order by ${ORDER} limit ?) d`,
    [JSON.stringify(keys), ...where.params, ...(keyset?.params ?? []), args.first + 1],
  );
  const byKey = new Map<string, DossierNode[]>();
  for (const row of rows) {
    const key = String(row[column]);
    const list = byKey.get(key) ?? [];
    list.push(toNode(row));
    byKey.set(key, list);
  }
  return keys.map((k) => byKey.get(k) ?? []);
}

/** How many dossiers each parent has under the filter, in one statement. */
export async function countsOfParents(
  em: EntityManager,
  column: ParentColumn,
  keys: readonly string[],
  filter: DossierFilter | null | undefined,
): Promise<number[]> {
  const where = whereOf(filter);
  const rows = await em.execute<{ key: string; n: string }[]>(
    `select d.${column} as key, count(*) as n from dossier d
     where d.${column} in (select jsonb_array_elements_text(?::jsonb)) and ${where.sql.join(' and ')}
     group by d.${column}`,
    [JSON.stringify(keys), ...where.params],
  );
  const counts = new Map(rows.map((r) => [r.key, Number(r.n)]));
  return keys.map((k) => counts.get(k) ?? 0);
}

const date = (v: unknown): Date | null =>
  v === null || v === undefined ? null : new Date(v as string | Date);

function toNode(r: Record<string, unknown>): DossierNode {
  const supplements =
    (r.supplements as { requestedAt: string | null; receivedAt: string | null }[] | null) ?? [];
  return {
    code: String(r.code),
    listingCode: String(r.listing_code),
    nationalCode: String(r.national_code),
    agencyCode: (r.agency_code as string | null) ?? null,
    status: r.status as DossierNode['status'],
    sourceStatusId: Number(r.source_status_id),
    channel: r.channel as DossierNode['channel'],
    appliedAt: date(r.applied_at),
    acceptedAt: date(r.accepted_at),
    appointmentAt: date(r.appointment_at),
    completedAt: date(r.completed_at),
    returnedAt: date(r.returned_at),
    withdrawnAt: date(r.withdrawn_at),
    supplements: supplements.map((s) => ({
      requestedAt: date(s.requestedAt),
      receivedAt: date(s.receivedAt),
    })),
    supplementCount: Number(r.supplement_count),
    rating: r.rating_value === null ? null : { value: Number(r.rating_value), ratedAt: date(r.rated_at) },
    updatedAt: date(r.source_updated_at) as Date,
    syncedAt: date(r.updated_at) as Date,
    storedApplicant: {
      type: (r.applicant_type as DossierNode['storedApplicant']['type']) ?? null,
      name: (r.applicant_name as string | null) ?? null,
      phone: (r.applicant_phone as string | null) ?? null,
      email: (r.applicant_email as string | null) ?? null,
      identityLast4: (r.identity_last4 as string | null) ?? null,
    },
  };
}
