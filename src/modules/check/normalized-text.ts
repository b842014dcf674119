/**
 * Keeps check_text (normalized names and document numbers) in step with the national
 * records and listings. Normalization is src/domain/text.ts, the one definition the
 * mappers and tests use too; only rows whose content hash changed are read and written,
 * in two statements whatever their number.
 */
import { foldDiacritics, normalizeDocNumber, normalizeText } from '../../domain/text';
import type { Statements } from './statements';

interface ChangedRow {
  source: 'national_procedure' | 'provincial_listing';
  code: string;
  content_hash: string;
  name: string;
  legal_bases: Array<{ number?: unknown }> | null;
}

export async function refreshNormalizedText(sql: Statements): Promise<number> {
  const changed = await sql.query<ChangedRow>(
    `select 'national_procedure' as source, r.code, r.content_hash, r.name, r.legal_bases
       from national_procedure r
       left join check_text t on t.source = 'national_procedure' and t.code = r.code
      where t.content_hash is distinct from r.content_hash
     union all
     select 'provincial_listing', r.code, r.content_hash, r.name, r.legal_bases
       from provincial_listing r
       left join check_text t on t.source = 'provincial_listing' and t.code = r.code
      where t.content_hash is distinct from r.content_hash`,
  );
  if (changed.length === 0) return 0;
  const rows = changed.map((r) => {
    const name = normalizeText(r.name);
    const numbers = (r.legal_bases ?? [])
      .map((b) => (typeof b.number === 'string' ? normalizeDocNumber(b.number) : ''))
      .filter((n) => n !== '');
    return {
      source: r.source,
      code: r.code,
      content_hash: r.content_hash,
      name,
      name_folded: foldDiacritics(name),
      // Sorted by code unit, as PostgreSQL's "C" order would, so equal sets are equal arrays.
      doc_numbers: [...new Set(numbers)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    };
  });
  await sql.query(
    `insert into check_text (source, code, content_hash, name, name_folded, doc_numbers)
     select source, code, content_hash, name, name_folded, doc_numbers
       from jsonb_to_recordset(?::jsonb)
         as x(source text, code text, content_hash text, name text, name_folded text, doc_numbers text[])
     on conflict (source, code) do update set content_hash = excluded.content_hash, name = excluded.name,
       name_folded = excluded.name_folded, doc_numbers = excluded.doc_numbers`,
    [JSON.stringify(rows)],
  );
  return rows.length;
}
