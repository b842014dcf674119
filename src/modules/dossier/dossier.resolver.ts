import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, validateFirst } from '../../graph/connection';
import type { GraphContext } from '../../graph/context';
import { scopedPage } from '../../graph/page-request';
import { canSeePersonalData } from '../../graph/personal-data';
import { prefetchFor } from '../../graph/prefetch';
import { AgencyNode, agencyLoader, descendantsLoader } from '../agency';
import { listingLoader, ProvincialListingNode } from '../listing';
import { Procedure, procedureLoader } from '../procedure';
import { applicantView } from './applicant';
import { DossiersArgs } from './dossier.args';
import { dossierPlan } from './dossier.row';
import { checkDescendants, findDossier, listDossiers } from './dossier.service';
import { ApplicantNode, DossierNode } from './dossier.types';

export const DossierConnection = ConnectionType(DossierNode, 'Dossier');

@Resolver(() => DossierNode)
export class DossierResolver {
  @Query(() => DossierConnection, {
    description: 'Dossiers, most recently changed first, filtered and paged.',
  })
  async dossiers(
    @Args(() => DossiersArgs) args: DossiersArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const first = validateFirst(args.first);
    checkDescendants(args.filter);
    const agency = args.filter?.agency?.trim();
    const agencies =
      args.filter?.includeDescendants && agency ? await descendantsLoader(ctx).load(agency) : null;
    return listDossiers(ctx.em, {
      ...scopedPage(args, first, agencies, ctx),
      // Only the selected fields' columns: a page of 50 codes and statuses no longer reads
      // and builds every column of 50 rows.
      plan: dossierPlan(info, args.orderBy),
      // Over the page's rows as `pk` (keysetPageKeyed): each relation once per distinct code.
      prefetch: prefetchFor(info, ctx, 'Dossier', ['edges', 'node'], (c) => `pk.${c}`),
    });
  }

  @Query(() => DossierNode, {
    nullable: true,
    description: "One dossier by its iGate code (a feedback's dossierCode).",
  })
  dossier(@Arg('code', () => String) code: string, @Ctx() ctx: GraphContext) {
    return findDossier(ctx.em, code.trim(), ctx.scope.agencyCodes);
  }

  @FieldResolver(() => ApplicantNode)
  applicant(@Root() d: DossierNode, @Ctx() ctx: GraphContext) {
    return applicantView(d.storedApplicant, canSeePersonalData(ctx.principal));
  }

  @FieldResolver(() => Procedure, {
    nullable: true,
    description: "The Procedure of its listing's national code; null when no portal knows that code.",
  })
  procedure(@Root() d: DossierNode, @Ctx() ctx: GraphContext) {
    return procedureLoader(ctx).load(d.nationalCode);
  }

  @FieldResolver(() => ProvincialListingNode, {
    nullable: true,
    description: 'The listing it was filed on; null when no listing has its code.',
  })
  listing(@Root() d: DossierNode, @Ctx() ctx: GraphContext, @Info() info: GraphQLResolveInfo) {
    return listingLoader(ctx, info).load(d.listingCode);
  }

  @FieldResolver(() => AgencyNode, { nullable: true })
  agency(@Root() d: DossierNode, @Ctx() ctx: GraphContext) {
    return d.agencyCode ? agencyLoader(ctx).load(d.agencyCode) : null;
  }
}
