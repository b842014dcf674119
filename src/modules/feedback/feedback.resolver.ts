import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { type Connection, ConnectionType, toConnection, validateFirst } from '../../graph/connection';
import { type GraphContext, groupByKeys, loaderFor } from '../../graph/context';
import { canSeePersonalData, contactView } from '../../graph/personal-data';
import { AgencyNode, agencyLoader } from '../agency';
import { Procedure, procedureLoader } from '../procedure';
import { FeedbacksArgs } from './feedback.args';
import {
  feedbackCountsOf,
  feedbackKey,
  feedbackPagesOf,
  findFeedback,
  listFeedbacks,
  type OwnerColumn,
  type PageRequest,
} from './feedback.service';
import { FeedbackNode, FeedbackSender } from './feedback.types';

export const FeedbackConnection = ConnectionType(FeedbackNode, 'Feedback');

/**
 * A procedure's or an agency's feedback page, batched: every parent asking with the same
 * arguments shares one statement for the pages and, when asked, one for the counts.
 */
async function feedbacksOf(
  ctx: GraphContext,
  column: OwnerColumn,
  owner: string,
  args: FeedbacksArgs,
): Promise<Connection<FeedbackNode>> {
  const request: PageRequest = { first: validateFirst(args.first), after: args.after, filter: args.filter };
  const signature = JSON.stringify([column, request]);
  const pages = loaderFor<string, FeedbackNode[]>(ctx, `feedbackPages:${signature}`, async (owners) =>
    groupByKeys(owners, await feedbackPagesOf(ctx.em, column, owners, request), (r) => r.owner),
  );
  const counts = loaderFor<string, number>(
    ctx,
    `feedbackCounts:${JSON.stringify([column, request.filter])}`,
    async (owners) => {
      const rows = await feedbackCountsOf(ctx.em, column, owners, request.filter);
      const byOwner = new Map(rows.map((r) => [r.owner, r.count]));
      return owners.map((o) => byOwner.get(o) ?? 0);
    },
  );
  const rows = (await pages.load(owner)) ?? [];
  return toConnection(
    rows,
    request.first,
    Boolean(request.after),
    feedbackKey,
    async () => (await counts.load(owner)) ?? 0,
  );
}

@Resolver(() => FeedbackNode)
export class FeedbackResolver {
  @Query(() => FeedbackConnection, { description: 'Feedback from the PAKN portal, newest sent first.' })
  feedbacks(@Args(() => FeedbacksArgs) args: FeedbacksArgs, @Ctx() ctx: GraphContext) {
    return listFeedbacks(ctx.em, {
      first: validateFirst(args.first),
      after: args.after,
      filter: args.filter,
    });
  }

  @Query(() => FeedbackNode, { nullable: true, description: 'One feedback item by its maPAKN.' })
  feedback(@Arg('code', () => String) code: string, @Ctx() ctx: GraphContext) {
    return findFeedback(ctx.em, code.trim());
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
  feedbacks(@Root() p: Procedure, @Args(() => FeedbacksArgs) args: FeedbacksArgs, @Ctx() ctx: GraphContext) {
    return feedbacksOf(ctx, 'procedure_code', p.code, args);
  }
}

@Resolver(() => AgencyNode)
export class AgencyFeedbackResolver {
  @FieldResolver(() => FeedbackConnection, {
    description: 'Feedback this agency handles (coQuanXuLy), newest first.',
  })
  feedbacks(@Root() a: AgencyNode, @Args(() => FeedbacksArgs) args: FeedbacksArgs, @Ctx() ctx: GraphContext) {
    return feedbacksOf(ctx, 'agency_code', a.code, args);
  }
}
