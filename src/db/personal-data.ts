/**
 * Erasing citizens' personal data from synced rows once they have been closed longer than
 * PII_RETENTION_DAYS (domain.md "Personal data"). A table says which columns are personal
 * and when a row closed; the raw payload loses the members ERASED_RAW_KEYS names. Only
 * those change: the figures' columns, `content_hash` and `updated_at` stay, so an
 * unchanged upstream record is still "unchanged" to the next sync and is not written back.
 * A row the sync rewrites afterwards (the upstream changed it) has `updated_at >
 * pii_erased_at` and is erased again, in the sync's own transaction when it writes it
 * (src/sync/walk.ts) and by the next scheduled run otherwise.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { ERASED_RAW_KEYS } from '../../connectors/kit/pii';
import { query } from './sql';

export interface PersonalDataSpec {
  /** Columns nulled. */
  columns: string[];
  /** SQL over alias `t`: when the row closed; null while it is open. */
  closedAt: string;
}

export interface ErasableTable {
  table: string;
  key: string;
  personal: PersonalDataSpec;
}

const DAY_MS = 86_400_000;

/** Rows closed before this instant are past the retention. */
export function retentionCutoff(days: number, now: Date = new Date()): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** Still holds personal data (never erased, or rewritten since) and closed before the cutoff (param). */
function erasable(spec: PersonalDataSpec): string {
  return `(t.pii_erased_at is null or t.updated_at > t.pii_erased_at) and (${spec.closedAt}) < ?::timestamptz`;
}

export async function countErasable(em: EntityManager, t: ErasableTable, cutoff: Date): Promise<number> {
  const [row] = await query<{ n: string }>(
    em,
    `select count(*) as n from "${t.table}" t where ${erasable(t.personal)}`,
    [cutoff],
  );
  return Number(row?.n ?? 0);
}

/**
 * Erases up to `limit` rows (only `keys` when given); returns their keys. Rows another
 * transaction holds are skipped (a sync writing them erases them itself).
 */
export async function eraseRows(
  em: EntityManager,
  t: ErasableTable,
  cutoff: Date,
  options: { keys?: string[]; limit: number },
): Promise<string[]> {
  const only = options.keys ? ` and t."${t.key}" = any(?::text[])` : '';
  const params: unknown[] = [[...ERASED_RAW_KEYS], cutoff, ...(options.keys ? [options.keys] : [])];
  const sets = t.personal.columns.map((c) => `"${c}" = null`).join(', ');
  const rows = await query<{ key: string }>(
    em,
    `update "${t.table}" u set ${sets}, raw = hub_erase_personal(u.raw, ?::text[]), pii_erased_at = now()
     from (select t."${t.key}" as key from "${t.table}" t where ${erasable(t.personal)}${only}
           order by t."${t.key}" limit ${Math.floor(options.limit)} for update skip locked) s
     where u."${t.key}" = s.key
     returning u."${t.key}" as key`,
    params,
  );
  return rows.map((r) => r.key);
}
