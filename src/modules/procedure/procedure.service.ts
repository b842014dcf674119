/** Procedure queries. One national code is one Procedure. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { searchPattern } from '../../db/search';
import { readQuery } from '../../db/sql';
import { type Connection, decodeCursor, toConnection } from '../../graph/connection';
import { badInput } from '../../graph/errors';
import { asNode } from '../../graph/node';
import type { Prefetch } from '../../graph/prefetch';
import type { ProcedureFilter } from './procedure.args';
import { Procedure } from './procedure.types';

interface Where {
  sql: string[];
  params: unknown[];
}

/**
 * A Procedure is a national code the national database knows (not tombstoned) or that an
 * active provincial listing publishes; its name is the national one, else the listing's.
 * Filters on national fields apply to the listing's own fields for listing-only codes; a
 * status filter (IN_FORCE, ABOLISHED) is a national fact, so it leaves those out.
 */
function nationalWhere(filter: ProcedureFilter | null | undefined): Where {
  const w: Where = { sql: ['p.deleted_at is null'], params: [] };
  if (!filter) return w;
  if (filter.codes) {
    w.sql.push('p.code = any(?::text[])');
    w.params.push(filter.codes);
  }
  if (filter.search?.trim()) {
    w.sql.push(`p.search_text like ?`);
    w.params.push(searchPattern(filter.search));
  }
  if (filter.sector) {
    w.sql.push(`p.sector_codes @> array[?]::text[]`);
    w.params.push(filter.sector);
  }
  if (filter.level) {
    w.sql.push(`p.levels @> array[?]::text[]`);
    w.params.push(filter.level);
  }
  if (filter.agency) {
    w.sql.push(`p.agency_codes @> array[?]::text[]`);
    w.params.push(filter.agency);
  }
  if (filter.status) {
    w.sql.push(`p.in_force = ?`);
    w.params.push(filter.status === 'IN_FORCE');
  }
  return w;
}

/** Active listings whose national code the national database does not (or no longer) know. */
function listingOnlyWhere(filter: ProcedureFilter | null | undefined): Where {
  const w: Where = {
    sql: [
      'l.active',
      'l.deleted_at is null',
      // Equal in byte order as in the default collation (deterministic), but in "C" both
      // sides are read from their byte-order indexes: a merge anti join that stops at the
      // page's last code, not a hash of every national code.
      `not exists (select 1 from national_procedure n
        where (n.code collate "C") = (l.national_code collate "C") and n.deleted_at is null)`,
    ],
    params: [],
  };
  if (!filter) return w;
  if (filter.status) w.sql.push('false');
  if (filter.codes) {
    w.sql.push('l.national_code = any(?::text[])');
    w.params.push(filter.codes);
  }
  if (filter.search?.trim()) {
    w.sql.push(`l.search_text like ?`);
    w.params.push(searchPattern(filter.search));
  }
  if (filter.sector) {
    w.sql.push(`l.sector_code = ?`);
    w.params.push(filter.sector);
  }
  if (filter.level) {
    w.sql.push(`l.levels @> array[?]::text[]`);
    w.params.push(filter.level);
  }
  if (filter.agency) {
    w.sql.push(`l.agency_codes @> array[?]::text[]`);
    w.params.push(filter.agency);
  }
  return w;
}

const CARRIED = /\bu\."national\.([a-z_][a-z0-9_]*)"/g;

/** The national record's columns these prefetch items read from the page's row. */
function nationalColumnsOf(columns: readonly string[]): string[] {
  return [...new Set(columns.flatMap((c) => [...c.matchAll(CARRIED)].map((m) => m[1]!)))];
}

/**
 * One page of the union, in national-code byte order (`collate "C"`, whatever the
 * database's collation): each side reads its own first rows from an index on that order
 * (national_procedure_code_c_index, provincial_listing_live_national_code_c_index), and
 * only those are merged, so a page never reads either table in full.
 */
export async function listProcedures(
  em: EntityManager,
  args: { first: number; after?: string | null; filter?: ProcedureFilter | null },
  prefetch?: Prefetch,
): Promise<Connection<Procedure>> {
  if (args.filter?.codes && args.filter.codes.length > 1000)
    throw badInput('codes takes at most 1000 codes', 'filter.codes');
  const n = nationalWhere(args.filter);
  const l = listingOnlyWhere(args.filter);
  const after = decodeCursor(args.after, 'procedure', 1);
  const from = after ? [String(after[0])] : [];
  // The listing-only side reads its index only up to the national side's last code when
  // that side filled the page: past it, nothing can make the page.
  // The page's statement also answers what `prefetch` covers (listings, national records).
  // Columns of the national record a prefetch reads from the row (`u."national.<column>"`,
  // Procedure.national): the national side carries them, the listing-only side has none.
  const carried = nationalColumnsOf(prefetch?.columns ?? []);
  const natColumns = carried.map((c) => `, p.${c} as "national.${c}"`).join('');
  const noColumns = carried.map((c) => `, null as "national.${c}"`).join('');
  const page = (limit: number, pf?: Prefetch) =>
    readQuery<{ code: string; name: string }>(
      em,
      `with nat as (
         select p.code collate "C" as code, p.name${pf ? natColumns : ''} from national_procedure p
         where ${[...n.sql, ...(after ? ['p.code collate "C" > ?'] : [])].join(' and ')}
         order by p.code collate "C" limit ?),
       bound as (select max(code) as code from nat having count(*) = ?)
       select ${['u.code', 'u.name', ...(pf?.columns ?? [])].join(', ')} from (
         select * from nat
         union all
         (select k.code, (select min(l.name) from provincial_listing l where l.national_code = k.code and ${l.sql.join(' and ')}) as name${pf ? noColumns : ''}
          from (select distinct l.national_code collate "C" as code from provincial_listing l
                where ${[...l.sql, ...(after ? ['l.national_code collate "C" > ?'] : [])].join(' and ')}
                  and l.national_code collate "C" <= coalesce((select code from bound), chr(1114111))) k
          order by k.code limit ?)
       ) u order by u.code limit ?`,
      [
        ...n.params,
        ...from,
        limit,
        limit,
        ...(pf?.params ?? []),
        ...l.params,
        ...l.params,
        ...from,
        limit,
        limit,
      ],
    );
  const node = (r: { code: string; name: string }) => {
    const p = asNode(Procedure, { code: r.code, name: r.name });
    return prefetch ? prefetch.attach(p, r) : p;
  };
  return toConnection({
    list: 'procedure',
    rows: args.first === 0 ? [] : (await page(args.first + 1, prefetch)).map(node),
    first: args.first,
    hadCursor: Boolean(after),
    keyOf: (r) => [r.code],
    more: async () => (await page(1)).length > 0,
    count: async () => {
      const [c] = await readQuery<{ n: string }>(
        em,
        `select (select count(*) from national_procedure p where ${n.sql.join(' and ')})
              + (select count(distinct l.national_code) from provincial_listing l where ${l.sql.join(' and ')}) as n`,
        [...n.params, ...l.params],
      );
      return Number(c?.n ?? 0);
    },
  });
}

export async function findProcedure(em: EntityManager, code: string): Promise<Procedure | null> {
  const [found] = await proceduresByCodes(em, [code]);
  return found ?? null;
}

/** Procedures of these national codes, in one statement (the per-request loader's batch). */
export async function proceduresByCodes(em: EntityManager, codes: readonly string[]): Promise<Procedure[]> {
  if (codes.length === 0) return [];
  const rows = await readQuery<{ code: string; name: string }>(
    em,
    `select k.code, coalesce(p.name, l.name) as name
     from (select distinct unnest(?::text[]) as code) k
     left join national_procedure p on p.code = k.code and p.deleted_at is null
     left join lateral (select min(name) as name from provincial_listing l
                        where l.national_code = k.code and l.active and l.deleted_at is null) l on true
     where p.code is not null or l.name is not null`,
    [[...codes]],
  );
  return rows.map((r) => asNode(Procedure, r));
}
