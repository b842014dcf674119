/** What an export's title names as its agency: the filter's agencies by name, or the whole province. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../../db/sql';
import { AGENCY_VIEW_SQL } from '../../agency';

export async function agencyTitle(em: EntityManager, codes: string[] | null): Promise<string> {
  if (!codes?.length) return 'Toàn tỉnh (whole province)';
  const rows = await query<{ code: string; name: string }>(
    em,
    `select code, name from (${AGENCY_VIEW_SQL}) a where code = any(?::text[])`,
    [codes],
  );
  const names = new Map(rows.map((r) => [r.code, r.name]));
  return codes.map((c) => (names.has(c) ? `${names.get(c)} (${c})` : c)).join('; ');
}
