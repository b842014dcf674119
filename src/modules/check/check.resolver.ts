import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { outsideStatementScope } from '../../db/statement-scope';
import { ConnectionType, PageArgs, validateFirst } from '../../graph/connection';
import { byKeys, type GraphContext, groupByKeys, loaderFor } from '../../graph/context';
import { badInput, notFound } from '../../graph/errors';
import { AgencyNode, agencyLoader } from '../agency';
import { Procedure, procedureLoader } from '../procedure';
import { FindingSummaryArgs, FindingsArgs } from './check.args';
import { CheckOverlapError } from './check.runner';
import { CheckRunNode, FindingEventNode, FindingNode, FindingSummaryNode } from './check.types';
import { enqueueCheckRun } from './check-queue';
import {
  findCheckRun,
  findingCounts,
  findingsByIds,
  historiesOf,
  listCheckRuns,
  listFindings,
} from './finding.queries';
import { FindingStatusError } from './finding-status';

export const FindingConnection = ConnectionType(FindingNode, 'Finding');
export const CheckRunConnection = ConnectionType(CheckRunNode, 'CheckRun');

export function findingLoader(ctx: GraphContext) {
  return loaderFor<string, FindingNode>(ctx, 'findingById', async (ids) =>
    byKeys(ids, await findingsByIds(ctx.em, ids, ctx.scope.agencyCodes), (f) => f.id),
  );
}

function historyLoader(ctx: GraphContext) {
  return loaderFor<string, FindingEventNode[]>(ctx, 'findingHistory', async (ids) =>
    groupByKeys(ids, await historiesOf(ctx.em, ids), (e) => e.findingId),
  );
}

/**
 * A finding the caller may change: ids are numbers (anything else is BAD_USER_INPUT), and
 * a key limited to an agency reaches only that agency's findings (others are NOT_FOUND).
 */
async function reachableFinding(ctx: GraphContext, id: string): Promise<string> {
  const trimmed = String(id).trim();
  if (!/^\d{1,18}$/.test(trimmed))
    throw badInput(`id must be a finding's number (got "${trimmed.slice(0, 40)}")`, 'id');
  if (ctx.scope.agencyCodes && !(await findingsByIds(ctx.em, [trimmed], ctx.scope.agencyCodes))[0]) {
    throw notFound(`no finding ${trimmed}`);
  }
  return trimmed;
}

function statusError(e: unknown): never {
  if (e instanceof FindingStatusError) {
    throw e.code === 'finding_not_found'
      ? notFound(e.message)
      : badInput(e.message, e.code === 'note_required' ? 'note' : 'id');
  }
  throw e;
}

@Resolver(() => FindingNode)
export class FindingResolver {
  @Query(() => FindingConnection, { description: 'Consistency findings, newest seen first.' })
  findings(@Args(() => FindingsArgs) args: FindingsArgs, @Ctx() ctx: GraphContext) {
    return listFindings(ctx.em, {
      first: validateFirst(args.first),
      after: args.after,
      filter: args.filter,
      agencyCodes: ctx.scope.agencyCodes,
    });
  }

  @Query(() => FindingNode, { nullable: true })
  finding(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphContext) {
    return findingLoader(ctx).load(String(id));
  }

  @Query(() => FindingSummaryNode, { description: 'Counts of findings by kind × severity × status.' })
  async findingSummary(@Args(() => FindingSummaryArgs) args: FindingSummaryArgs, @Ctx() ctx: GraphContext) {
    const counts = await findingCounts(ctx.em, args.filter, ctx.scope.agencyCodes);
    return { total: counts.reduce((n, c) => n + c.count, 0), counts };
  }

  @Query(() => CheckRunConnection, { description: 'Check runs, newest first.' })
  checkRuns(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: GraphContext) {
    return listCheckRuns(ctx.em, { first: validateFirst(args.first), after: args.after });
  }

  @Query(() => CheckRunNode, { nullable: true })
  checkRun(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphContext) {
    return findCheckRun(ctx.em, String(id));
  }

  @Mutation(() => CheckRunNode, {
    description:
      'Runs the consistency checks now and answers with the run. On an api replica the run is queued for a worker (status QUEUED; a run already waiting is answered instead).',
  })
  async runChecks(@Ctx() ctx: GraphContext) {
    // An api replica does not run checks: the run is queued for a worker and answered QUEUED.
    if (ctx.services.config.role === 'api') {
      const { id } = await enqueueCheckRun(ctx.em.fork());
      return findCheckRun(ctx.em, id);
    }
    try {
      // A check run is the hub's own work, recorded whole: not held to the request's STATEMENT_TIMEOUT.
      const run = await outsideStatementScope(() => ctx.services.checks.run({ trigger: 'GRAPH' }));
      return findCheckRun(ctx.em, run.id);
    } catch (e) {
      if (e instanceof CheckOverlapError) throw badInput('a check run is already going; see checkRuns');
      throw e;
    }
  }

  @Mutation(() => FindingNode, {
    description: 'ACKNOWLEDGED, with a note saying why; stays while the finding is seen.',
  })
  async acknowledgeFinding(
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String) note: string,
    @Ctx() ctx: GraphContext,
  ) {
    const findingId = await reachableFinding(ctx, id);
    await ctx.services.checks.acknowledge(ctx.em, findingId, note, ctx.principal.name).catch(statusError);
    return (await findingsByIds(ctx.em, [findingId]))[0];
  }

  @Mutation(() => FindingNode, {
    description: 'WONT_FIX, with a note saying why; stays while the finding is seen.',
  })
  async dismissFinding(
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String) note: string,
    @Ctx() ctx: GraphContext,
  ) {
    const findingId = await reachableFinding(ctx, id);
    await ctx.services.checks.dismiss(ctx.em, findingId, note, ctx.principal.name).catch(statusError);
    return (await findingsByIds(ctx.em, [findingId]))[0];
  }

  @FieldResolver(() => [FindingEventNode], { description: 'Every status change, oldest first.' })
  async history(@Root() f: FindingNode, @Ctx() ctx: GraphContext) {
    return (await historyLoader(ctx).load(f.id)) ?? [];
  }

  @FieldResolver(() => AgencyNode, {
    nullable: true,
    description: 'The agency, when a portal knows its code.',
  })
  agency(@Root() f: FindingNode, @Ctx() ctx: GraphContext) {
    return f.agencyCode ? agencyLoader(ctx).load(f.agencyCode) : null;
  }

  @FieldResolver(() => Procedure, { nullable: true, description: 'The procedure of its national code.' })
  procedure(@Root() f: FindingNode, @Ctx() ctx: GraphContext) {
    return f.nationalCode ? procedureLoader(ctx).load(f.nationalCode) : null;
  }
}
