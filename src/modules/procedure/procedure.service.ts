/** Procedure queries. One national code is one Procedure. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Connection, decodeCursor, toConnection } from '../../graph/connection';
import { badInput } from '../../graph/errors';
import { NationalProcedure as NationalProcedureEntity } from './national-procedure.entity';
import type { ProcedureFilter } from './procedure.args';
import type { NationalProcedure, Procedure } from './procedure.types';
import { searchPattern } from './search';

interface Where {
  sql: string[];
  params: unknown[];
}

function whereOf(filter: ProcedureFilter | null | undefined): Where {
  const w: Where = { sql: ['p.deleted_at is null'], params: [] };
  if (!filter) return w;
  if (filter.codes) {
    if (filter.codes.length > 1000) throw badInput('codes takes at most 1000 codes', 'filter.codes');
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

export async function listProcedures(
  em: EntityManager,
  args: { first: number; after?: string | null; filter?: ProcedureFilter | null },
): Promise<Connection<Procedure>> {
  const where = whereOf(args.filter);
  const after = decodeCursor(args.after, 1);
  const page = { sql: [...where.sql], params: [...where.params] };
  if (after) {
    page.sql.push(`p.code collate "C" > ?`);
    page.params.push(String(after[0]));
  }
  const rows = await em.execute<{ code: string; name: string }[]>(
    `select p.code, p.name from national_procedure p where ${page.sql.join(' and ')}
     order by p.code collate "C" limit ?`,
    [...page.params, args.first + 1],
  );
  return toConnection(
    rows,
    args.first,
    Boolean(after),
    (r) => [r.code],
    async () => {
      const [c] = await em.execute<{ n: string }[]>(
        `select count(*) as n from national_procedure p where ${where.sql.join(' and ')}`,
        where.params,
      );
      return Number(c?.n ?? 0);
    },
  );
}

export async function findProcedure(em: EntityManager, code: string): Promise<Procedure | null> {
  const row = await em.findOne(
    NationalProcedureEntity,
    { code, deletedAt: null },
    { fields: ['code', 'name'] },
  );
  return row ? { code: row.code, name: row.name } : null;
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
