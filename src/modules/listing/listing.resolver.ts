import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { byKeys, type GraphContext, groupByKeys, loaderFor } from '../../graph/context';
import { Procedure, procedureLoader } from '../procedure';
import { listingsByCodes, listingsOfNationalCodes } from './listing.service';
import { ProvincialListingNode } from './listing.types';

export function listingLoader(ctx: GraphContext) {
  return loaderFor<string, ProvincialListingNode>(ctx, 'listingByCode', async (codes) =>
    byKeys(codes, await listingsByCodes(ctx.em, codes), (l) => l.code),
  );
}

@Resolver(() => ProvincialListingNode)
export class ListingResolver {
  @Query(() => ProvincialListingNode, {
    nullable: true,
    description: 'One provincial listing by its own code (2.000477.000.00.00.H21), not the national code.',
  })
  provincialListing(@Arg('code', () => String) code: string, @Ctx() ctx: GraphContext) {
    return listingLoader(ctx).load(code.trim());
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
  async listings(@Root() p: Procedure, @Ctx() ctx: GraphContext) {
    const loader = loaderFor<string, ProvincialListingNode[]>(ctx, 'listingsByNationalCode', async (codes) =>
      groupByKeys(codes, await listingsOfNationalCodes(ctx.em, codes), (l) => l.nationalCode),
    );
    return (await loader.load(p.code)) ?? [];
  }
}
