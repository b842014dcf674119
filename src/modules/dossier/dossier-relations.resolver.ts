/** `Procedure.dossiers` and `Agency.dossiers`: one page per parent, batched per request. */
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { validateFirst } from '../../graph/connection';
import type { GraphContext } from '../../graph/context';
import { nestedConnection, ownCodes } from '../../graph/nested';
import { AgencyNode, descendantGroups, descendantsLoader } from '../agency';
import { Procedure } from '../procedure';
import { AgencyDossiersArgs, DossiersArgs } from './dossier.args';
import { DossierConnection } from './dossier.resolver';
import './dossier.prefetch';
import { dossierPlan } from './dossier.row';
import {
  checkDescendants,
  countsOfParents,
  cursorKeyOf,
  dossiersOfParents,
  type ParentColumn,
} from './dossier.service';

async function dossiersOf(
  info: GraphQLResolveInfo,
  ctx: GraphContext,
  column: ParentColumn,
  key: string,
  args: DossiersArgs,
  descendants = false,
) {
  const first = validateFirst(args.first);
  const filter = args.filter ?? null;
  // Under an agency, includeDescendants widens the parent; elsewhere it widens the agency filter.
  if (column !== 'agency_code') checkDescendants(filter);
  const widen = column !== 'agency_code' && filter?.includeDescendants && filter.agency;
  const agencies = widen ? await descendantsLoader(ctx).load(filter.agency!.trim()) : null;
  const plan = dossierPlan(info, args.orderBy);
  const agencyCodes = ctx.scope.agencyCodes;
  const page = {
    first,
    after: args.after ?? null,
    filter,
    orderBy: args.orderBy ?? null,
    agencies,
    agencyCodes,
  };
  return nestedConnection(ctx, {
    signature: `dossiers:${column}:${descendants}:${plan.key}:${JSON.stringify(page)}`,
    countSignature: `dossiers:${column}:${descendants}:${JSON.stringify([filter, agencies])}`,
    key,
    first,
    after: page.after,
    list: `dossier:${page.orderBy ?? 'UPDATED_DESC'}`,
    keyOf: cursorKeyOf(page.orderBy),
    groups: descendants ? descendantGroups(ctx) : ownCodes,
    pages: (groups, n) => dossiersOfParents(ctx.em, column, groups, { ...page, first: n, plan }),
    counts: (groups) => countsOfParents(ctx.em, column, groups, page),
  });
}

@Resolver(() => Procedure)
export class ProcedureDossiersResolver {
  @FieldResolver(() => DossierConnection, {
    description: 'Dossiers filed on listings of this national code.',
  })
  dossiers(
    @Root() p: Procedure,
    @Args(() => DossiersArgs) args: DossiersArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return dossiersOf(info, ctx, 'national_code', p.code, args);
  }
}

@Resolver(() => AgencyNode)
export class AgencyDossiersResolver {
  @FieldResolver(() => DossierConnection, {
    description: 'Dossiers handled by this agency (with includeDescendants: by any agency below it too).',
  })
  dossiers(
    @Root() a: AgencyNode,
    @Args(() => AgencyDossiersArgs) args: AgencyDossiersArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const { includeDescendants, ...rest } = args;
    const widen = Boolean(includeDescendants || args.filter?.includeDescendants);
    return dossiersOf(info, ctx, 'agency_code', a.code, rest, widen);
  }
}
