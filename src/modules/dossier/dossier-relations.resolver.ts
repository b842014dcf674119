/** `Procedure.dossiers` and `Agency.dossiers`: one page per parent, batched per request. */
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Connection, toConnection, validateFirst } from '../../graph/connection';
import { type GraphContext, loaderFor } from '../../graph/context';
import { AgencyNode } from '../agency';
import { Procedure } from '../procedure';
import { DossiersArgs } from './dossier.args';
import { DossierConnection } from './dossier.resolver';
import { countsOfParents, cursorKey, dossiersOfParents, type ParentColumn } from './dossier.service';
import type { DossierNode } from './dossier.types';

/** Parents asking with the same arguments share one statement for pages and one for counts. */
async function dossiersOf(
  ctx: GraphContext,
  column: ParentColumn,
  key: string,
  args: DossiersArgs,
): Promise<Connection<DossierNode>> {
  const first = validateFirst(args.first);
  const page = { first, after: args.after ?? null, filter: args.filter ?? null };
  const signature = `${column}:${JSON.stringify(page)}`;
  const pages = loaderFor<string, DossierNode[]>(ctx, `dossiers:${signature}`, (keys) =>
    dossiersOfParents(ctx.em, column, keys, page),
  );
  const counts = loaderFor<string, number>(ctx, `dossierCounts:${signature}`, (keys) =>
    countsOfParents(ctx.em, column, keys, page.filter),
  );
  const rows = (await pages.load(key)) ?? [];
  return toConnection(rows, first, Boolean(page.after), cursorKey, async () => (await counts.load(key)) ?? 0);
}

@Resolver(() => Procedure)
export class ProcedureDossiersResolver {
  @FieldResolver(() => DossierConnection, {
    description: 'Dossiers filed on listings of this national code.',
  })
  dossiers(@Root() p: Procedure, @Args(() => DossiersArgs) args: DossiersArgs, @Ctx() ctx: GraphContext) {
    return dossiersOf(ctx, 'national_code', p.code, args);
  }
}

@Resolver(() => AgencyNode)
export class AgencyDossiersResolver {
  @FieldResolver(() => DossierConnection, {
    description: 'Dossiers handled by this agency (not its children).',
  })
  dossiers(@Root() a: AgencyNode, @Args(() => DossiersArgs) args: DossiersArgs, @Ctx() ctx: GraphContext) {
    return dossiersOf(ctx, 'agency_code', a.code, args);
  }
}
