import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, validateFirst } from '../../graph/connection';
import type { GraphContext } from '../../graph/context';
import { nestedConnection, ownCodes } from '../../graph/nested';
import { scopedPage } from '../../graph/page-request';
import { canSeePersonalData, contactView } from '../../graph/personal-data';
import { prefetchFor, registerPrefetch } from '../../graph/prefetch';
import { AgencyNode, agencyLoader, descendantGroups, descendantsLoader } from '../agency';
import { Procedure, procedureLoader, procedurePrefetch } from '../procedure';
import { AgencyFeedbacksArgs, FeedbacksArgs } from './feedback.args';
import { feedbackPlan } from './feedback.row';
import {
  checkFeedbackDescendants,
  feedbackCountsOf,
  feedbackKeyOf,
  feedbackListTag,
  feedbackPagesOf,
  findFeedback,
  listFeedbacks,
  type OwnerColumn,
  orderOf,
  type PageRequest,
} from './feedback.service';
import { FeedbackNode, FeedbackSender } from './feedback.types';

export const FeedbackConnection = ConnectionType(FeedbackNode, 'Feedback');

// A feedback list's procedure names come with its page (src/graph/prefetch.ts).
registerPrefetch('Feedback', 'procedure', procedurePrefetch('procedure_code'));

/** The agency filter widened to the agency and those below it, when includeDescendants asks. */
async function agenciesOf(ctx: GraphContext, args: FeedbacksArgs): Promise<string[] | null> {
  checkFeedbackDescendants(args.filter);
  const agency = args.filter?.agency?.trim();
  return args.filter?.includeDescendants && agency
    ? ((await descendantsLoader(ctx).load(agency)) ?? [agency])
    : null;
}

/** A procedure's or an agency's feedback page, batched over the parents asking alike. */
async function feedbacksOf(
  info: GraphQLResolveInfo,
  ctx: GraphContext,
  column: OwnerColumn,
  owner: string,
  args: FeedbacksArgs,
  descendants = false,
) {
  const agencies = column === 'agency_code' ? null : await agenciesOf(ctx, args);
  const request: PageRequest = {
    first: validateFirst(args.first),
    after: args.after ?? null,
    filter: args.filter ?? null,
    orderBy: args.orderBy ?? null,
    agencies,
    agencyCodes: ctx.scope.agencyCodes,
  };
  const plan = feedbackPlan(info, orderOf(request.orderBy).column);
  return nestedConnection(ctx, {
    signature: `feedbacks:${column}:${descendants}:${plan.key}:${JSON.stringify(request)}`,
    countSignature: `feedbacks:${column}:${descendants}:${JSON.stringify([request.filter, agencies])}`,
    key: owner,
    first: request.first,
    after: request.after ?? null,
    list: feedbackListTag(request.orderBy),
    keyOf: feedbackKeyOf(request.orderBy),
    groups: descendants ? descendantGroups(ctx) : ownCodes,
    pages: (groups, first) => feedbackPagesOf(ctx.em, column, groups, { ...request, first, plan }),
    counts: (groups) => feedbackCountsOf(ctx.em, column, groups, request),
  });
}

@Resolver(() => FeedbackNode)
export class FeedbackResolver {
  @Query(() => FeedbackConnection, { description: 'Feedback from the PAKN portal, newest sent first.' })
  async feedbacks(
    @Args(() => FeedbacksArgs) args: FeedbacksArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const first = validateFirst(args.first);
    const agencies = await agenciesOf(ctx, args);
    return listFeedbacks(ctx.em, {
      ...scopedPage(args, first, agencies, ctx),
      // Only the selected fields' columns (never the content and history unless asked).
      plan: feedbackPlan(info, orderOf(args.orderBy).column),
      prefetch: prefetchFor(info, ctx, 'Feedback', ['edges', 'node'], (c) => `f.${c}`),
    });
  }

  @Query(() => FeedbackNode, { nullable: true, description: 'One feedback item by its maPAKN.' })
  feedback(@Arg('code', () => String) code: string, @Ctx() ctx: GraphContext) {
    return findFeedback(ctx.em, code.trim(), ctx.scope.agencyCodes);
  }

  @FieldResolver(() => FeedbackSender, {
    nullable: true,
    description: 'Null when the sender is anonymous; masked unless the API key has the pii grant.',
  })
  sender(@Root() f: FeedbackNode, @Ctx() ctx: GraphContext): FeedbackSender | null {
    const s = f.storedSender;
    if (s.name === null && s.phone === null && s.email === null) return null;
    return contactView(s, canSeePersonalData(ctx.principal));
  }

  @FieldResolver(() => Procedure, {
    nullable: true,
    description: 'The procedure of maTTHC; null when no portal knows the code (or there is none).',
  })
  procedure(@Root() f: FeedbackNode, @Ctx() ctx: GraphContext) {
    return f.procedureCode ? procedureLoader(ctx).load(f.procedureCode) : null;
  }

  @FieldResolver(() => AgencyNode, {
    nullable: true,
    description: 'The handling agency (coQuanXuLy); null when no portal knows the code (or there is none).',
  })
  agency(@Root() f: FeedbackNode, @Ctx() ctx: GraphContext) {
    return f.agencyCode ? agencyLoader(ctx).load(f.agencyCode) : null;
  }
}

@Resolver(() => Procedure)
export class ProcedureFeedbackResolver {
  @FieldResolver(() => FeedbackConnection, {
    description: 'Feedback naming this procedure (maTTHC), newest first.',
  })
  feedbacks(
    @Root() p: Procedure,
    @Args(() => FeedbacksArgs) args: FeedbacksArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return feedbacksOf(info, ctx, 'procedure_code', p.code, args);
  }
}

@Resolver(() => AgencyNode)
export class AgencyFeedbackResolver {
  @FieldResolver(() => FeedbackConnection, {
    description:
      'Feedback this agency handles (coQuanXuLy), newest first (with includeDescendants: any agency below it too).',
  })
  feedbacks(
    @Root() a: AgencyNode,
    @Args(() => AgencyFeedbacksArgs) args: AgencyFeedbacksArgs,
    @Ctx() ctx: GraphContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const { includeDescendants, ...rest } = args;
    const widen = Boolean(includeDescendants || args.filter?.includeDescendants);
    return feedbacksOf(info, ctx, 'agency_code', a.code, rest, widen);
  }
}
