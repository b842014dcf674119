/** Agency queries over the merged `Agency` view (every portal's agencies by code). */
import type { EntityManager } from '@mikro-orm/postgresql';
import { searchText } from '../../db/search';
import { type Connection, decodeCursor, toConnection } from '../../graph/connection';
import { Agency } from './agency.entity';
import type { AgencyFilter, AgencyNode } from './agency.types';

function toNode(a: Agency): AgencyNode {
  return { code: a.code, name: a.name, level: a.level ?? null, parentCode: a.parentCode ?? null };
}

export async function listAgencies(
  em: EntityManager,
  args: { first: number; after?: string | null; filter?: AgencyFilter | null },
): Promise<Connection<AgencyNode>> {
  const where: Record<string, unknown> = { deletedAt: null };
  const f = args.filter;
  if (f?.level) where.level = f.level;
  if (f?.parent) where.parentCode = f.parent;
  const after = decodeCursor(args.after, 1);
  const all = await em.find(Agency, where, { orderBy: { code: 'asc' } });
  // Agencies number in the low thousands: filtering the folded text here keeps the view simple.
  const needle = f?.search?.trim() ? searchText(f.search) : null;
  const matching = needle ? all.filter((a) => searchText(a.code, a.name).includes(needle)) : all;
  const start = after ? matching.findIndex((a) => a.code > String(after[0])) : 0;
  const rest = start < 0 ? [] : matching.slice(start, start + args.first + 1);
  return toConnection(
    rest.map(toNode),
    args.first,
    Boolean(after),
    (a) => [a.code],
    async () => matching.length,
  );
}

export async function agenciesByCodes(em: EntityManager, codes: readonly string[]): Promise<AgencyNode[]> {
  return (await em.find(Agency, { code: { $in: [...codes] } })).map(toNode);
}

export async function childrenOf(em: EntityManager, parents: readonly string[]): Promise<AgencyNode[]> {
  const rows = await em.find(
    Agency,
    { parentCode: { $in: [...parents] }, deletedAt: null },
    { orderBy: { code: 'asc' } },
  );
  return rows.map(toNode);
}
