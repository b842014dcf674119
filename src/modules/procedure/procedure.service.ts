/** Procedure queries. One national code is one Procedure. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { searchPattern } from '../../db/search';
import { type Connection, decodeCursor, toConnection } from '../../graph/connection';
import { badInput } from '../../graph/errors';
import { NationalProcedure as NationalProcedureEntity } from './national-procedure.entity';
import type { ProcedureFilter } from './procedure.args';
import type { NationalProcedure, Procedure } from './procedure.types';

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
    w.sql.push(`p.code in (select jsonb_array_elements_text(?::jsonb))`);
    w.params.push(JSON.stringify(filter.codes));
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
      'not exists (select 1 from national_procedure n where n.code = l.national_code and n.deleted_at is null)',
    ],
    params: [],
  };
  if (!filter) return w;
  if (filter.status) w.sql.push('false');
  if (filter.codes) {
    w.sql.push(`l.national_code in (select jsonb_array_elements_text(?::jsonb))`);
    w.params.push(JSON.stringify(filter.codes));
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

/** The union as one relation `u(code, name)`, with its parameters. */
function unionOf(filter: ProcedureFilter | null | undefined): Where {
  if (filter?.codes && filter.codes.length > 1000)
    throw badInput('codes takes at most 1000 codes', 'filter.codes');
  const n = nationalWhere(filter);
  const l = listingOnlyWhere(filter);
  return {
    sql: [
      `(select p.code, p.name from national_procedure p where ${n.sql.join(' and ')}
        union all
        select l.national_code as code, min(l.name) as name from provincial_listing l
        where ${l.sql.join(' and ')} group by l.national_code) u`,
    ],
    params: [...n.params, ...l.params],
  };
}

export async function listProcedures(
  em: EntityManager,
  args: { first: number; after?: string | null; filter?: ProcedureFilter | null },
): Promise<Connection<Procedure>> {
  const union = unionOf(args.filter);
  const after = decodeCursor(args.after, 1);
  const rows = await em.execute<{ code: string; name: string }[]>(
    `select u.code, u.name from ${union.sql[0]} ${after ? `where u.code collate "C" > ?` : ''}
     order by u.code collate "C" limit ?`,
    [...union.params, ...(after ? [String(after[0])] : []), args.first + 1],
  );
  return toConnection(
    rows,
    args.first,
    Boolean(after),
    (r) => [r.code],
    async () => {
      const [c] = await em.execute<{ n: string }[]>(
        `select count(*) as n from ${union.sql[0]}`,
        union.params,
      );
      return Number(c?.n ?? 0);
    },
  );
}

export async function findProcedure(em: EntityManager, code: string): Promise<Procedure | null> {
  const [found] = await proceduresByCodes(em, [code]);
  return found ?? null;
}

/** Procedures of these national codes, in one statement (the per-request loader's batch). */
export async function proceduresByCodes(em: EntityManager, codes: readonly string[]): Promise<Procedure[]> {
  if (codes.length === 0) return [];
  return em.execute<{ code: string; name: string }[]>(
    `select k.code, coalesce(p.name, l.name) as name
     from (select distinct jsonb_array_elements_text(?::jsonb) as code) k
     left join national_procedure p on p.code = k.code and p.deleted_at is null
     left join lateral (select min(name) as name from provincial_listing l
                        where l.national_code = k.code and l.active and l.deleted_at is null) l on true
     where p.code is not null or l.name is not null`,
    [JSON.stringify(codes)],
  );
}

export function toNationalView(e: NationalProcedureEntity): NationalProcedure {
  return {
    code: e.code,
    name: e.name,
    status: e.inForce ? 'IN_FORCE' : 'ABOLISHED',
    abolishedAt: e.abolishedAt ?? null,
    procedureType: e.procedureType ?? null,
    updatedAt: e.sourceUpdatedAt,
    publishingAgencyCode: e.publishingAgencyCode ?? null,
    decision: e.decision ? { ...e.decision, date: e.decision.date ? new Date(e.decision.date) : null } : null,
    sectors: e.sectors,
    levels: e.levels,
    agencies: e.agencies,
    subjects: e.subjects,
    channels: e.channels,
    results: e.results,
    legalBases: e.legalBases,
    requirements: e.requirements ?? null,
    description: e.description ?? null,
    unreadableFields: e.issues.map((i) => ({ field: i.field, reason: i.reason })),
    syncedAt: e.updatedAt,
    deletedAt: e.deletedAt ?? null,
  };
}

/** National records by code, for the per-request loader. Tombstoned records still answer. */
export async function nationalByCodes(
  em: EntityManager,
  codes: readonly string[],
): Promise<NationalProcedureEntity[]> {
  return em.find(NationalProcedureEntity, { code: { $in: [...codes] } });
}
