/** `procedure.findings`, `provincialListing.findings`, `agency.findings`: batched through loaders. */
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type GraphContext, groupByKeys, loaderFor } from '../../graph/context';
import { AgencyNode } from '../agency';
import { ProvincialListingNode } from '../listing';
import { Procedure } from '../procedure';
import { RelatedFindingsArgs } from './check.args';
import { FindingNode } from './check.types';
import { type FindingOwner, findingsOf } from './finding.queries';

async function related(ctx: GraphContext, column: FindingOwner, key: string, args: RelatedFindingsArgs) {
  const loader = loaderFor<string, FindingNode[]>(
    ctx,
    `findingsOf:${column}:${args.includeResolved}`,
    async (keys) =>
      groupByKeys(
        keys,
        await findingsOf(ctx.em, column, keys, args.includeResolved, ctx.scope.agencyCodes),
        (f) => f.owner,
      ),
  );
  return (await loader.load(key)) ?? [];
}

@Resolver(() => Procedure)
export class ProcedureFindingsResolver {
  @FieldResolver(() => [FindingNode], { description: 'Findings of this national code, newest seen first.' })
  findings(
    @Root() p: Procedure,
    @Args(() => RelatedFindingsArgs) args: RelatedFindingsArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return related(ctx, 'national_code', p.code, args);
  }
}

@Resolver(() => ProvincialListingNode)
export class ListingFindingsResolver {
  @FieldResolver(() => [FindingNode], { description: 'Findings about this listing, newest seen first.' })
  findings(
    @Root() l: ProvincialListingNode,
    @Args(() => RelatedFindingsArgs) args: RelatedFindingsArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return related(ctx, 'subject_code', l.code, args);
  }
}

@Resolver(() => AgencyNode)
export class AgencyFindingsResolver {
  @FieldResolver(() => [FindingNode], { description: 'Findings concerning this agency, newest seen first.' })
  findings(
    @Root() a: AgencyNode,
    @Args(() => RelatedFindingsArgs) args: RelatedFindingsArgs,
    @Ctx() ctx: GraphContext,
  ) {
    return related(ctx, 'agency_code', a.code, args);
  }
}
