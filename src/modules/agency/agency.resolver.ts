import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, validateFirst } from '../../graph/connection';
import { byKeys, type GraphContext, groupByKeys, loaderFor } from '../../graph/context';
import { prefetchFor } from '../../graph/prefetch';
import { agenciesByCodes, childrenOf, descendantsOf, listAgencies } from './agency.service';
import { AgenciesArgs, AgencyNode } from './agency.types';

export const AgencyConnection = ConnectionType(AgencyNode, 'Agency');

export function agencyLoader(ctx: GraphContext) {
  return loaderFor<string, AgencyNode>(ctx, 'agencyByCode', async (codes) =>
    byKeys(codes, await agenciesByCodes(ctx.em, codes), (a) => a.code),
  );
}

/** An agency code → itself and every agency below it (what includeDescendants filters by). */
export function descendantsLoader(ctx: GraphContext) {
  return loaderFor<string, string[]>(ctx, 'agencyDescendants', async (codes) => {
    const tree = await descendantsOf(ctx.em, codes);
    return codes.map((c) => tree.get(c) ?? [c]);
  });
}

/** Groups for a nested connection whose parents stand for themselves and every agency below them. */
export function descendantGroups(ctx: GraphContext) {
  return async (keys: readonly string[]): Promise<Map<string, string[]>> => {
    const members = await descendantsLoader(ctx).loadMany(keys);
    return new Map(keys.map((k, i) => [k, members[i] as string[]]));
  };
}

@Resolver(() => AgencyNode)
export class AgencyResolver {
  @Query(() => AgencyConnection, { description: "The province's agencies, by code." })
  async agencies(
    @Args(() => AgenciesArgs) args: AgenciesArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const within = args.filter?.within?.trim();
    const codes = within ? ((await descendantsOf(ctx.em, [within])).get(within) ?? [within]) : null;
    return listAgencies(
      ctx.em,
      { first: validateFirst(args.first), after: args.after, filter: args.filter, codes },
      prefetchFor(info, ctx, 'Agency', ['edges', 'node'], (c) => `a.${c}`),
    );
  }

  @Query(() => AgencyNode, { nullable: true, description: 'One agency by its electronic identifier code.' })
  agency(@Arg('code', () => String) code: string, @Ctx() ctx: GraphContext) {
    return agencyLoader(ctx).load(code.trim());
  }

  @FieldResolver(() => AgencyNode, { nullable: true })
  parent(@Root() a: AgencyNode, @Ctx() ctx: GraphContext) {
    return a.parentCode ? agencyLoader(ctx).load(a.parentCode) : null;
  }

  @FieldResolver(() => [AgencyNode])
  async children(@Root() a: AgencyNode, @Ctx() ctx: GraphContext) {
    const loader = loaderFor<string, AgencyNode[]>(ctx, 'agencyChildren', async (parents) =>
      groupByKeys(parents, await childrenOf(ctx.em, parents), (c) => c.parentCode ?? ''),
    );
    return (await loader.load(a.code)) ?? [];
  }
}
