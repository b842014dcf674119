import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { planFor } from '../../graph/columns';
import { byKeys, type GraphContext, groupByKeys, loaderFor } from '../../graph/context';
import { Procedure, procedureLoader } from '../procedure';
import { LISTING_KEYS, LISTING_READERS, listingsByCodes, listingsOfNationalCodes } from './listing.service';
import { ProvincialListingNode } from './listing.types';

const planOf = (info: GraphQLResolveInfo) =>
  planFor(info, LISTING_READERS, LISTING_KEYS, (f) => f as ProvincialListingNode);

/** A listing by its own code; one loader per selection, reading only those fields' columns. */
export function listingLoader(ctx: GraphContext, info: GraphQLResolveInfo) {
  const plan = planOf(info);
  return loaderFor<string, ProvincialListingNode>(ctx, `listingByCode:${plan.key}`, async (codes) =>
    byKeys(codes, await listingsByCodes(ctx.em, codes, plan), (l) => l.code),
  );
}

@Resolver(() => ProvincialListingNode)
export class ListingResolver {
  @Query(() => ProvincialListingNode, {
    nullable: true,
    description: 'One provincial listing by its own code (2.000477.000.00.00.H21), not the national code.',
  })
  provincialListing(
    @Arg('code', () => String) code: string,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listingLoader(ctx, info).load(code.trim());
  }

  @FieldResolver(() => Procedure, { nullable: true, description: 'The procedure of its national code.' })
  procedure(@Root() listing: ProvincialListingNode, @Ctx() ctx: GraphContext) {
    return procedureLoader(ctx).load(listing.nationalCode);
  }
}

/** `Procedure.listings`: the province's listings of a national code, usually one. */
@Resolver(() => Procedure)
export class ProcedureListingsResolver {
  @FieldResolver(() => [ProvincialListingNode], {
    description: "The province's listings of this national code (usually one; withdrawn ones included).",
  })
  async listings(@Root() p: Procedure, @Ctx() ctx: GraphContext, @Info() info: GraphQLResolveInfo) {
    const plan = planOf(info);
    const loader = loaderFor<string, ProvincialListingNode[]>(
      ctx,
      `listingsByNationalCode:${plan.key}`,
      async (codes) =>
        groupByKeys(codes, await listingsOfNationalCodes(ctx.em, codes, plan), (l) => l.nationalCode),
    );
    return (await loader.load(p.code)) ?? [];
  }
}
