import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Source } from '../domain/model';
import { SOURCES } from '../domain/model';
import { ConnectionType, validateFirst } from '../graph/connection';
import type { GraphContext } from '../graph/context';
import { SourceEnum } from '../graph/enums';
import { badInput, notFound } from '../graph/errors';
import { ConfirmError, confirmDeletions } from './confirm';
import { RunOverlapError } from './ledger';
import { findSyncRun, listQuarantined, listSyncRuns, sourceStatuses } from './sync.queries';
import { QuarantineArgs, QuarantinedRecordNode, SourceStatus, SyncRunNode, SyncRunsArgs } from './sync.types';

export const SyncRunConnection = ConnectionType(SyncRunNode, 'SyncRun');
export const QuarantinedRecordConnection = ConnectionType(QuarantinedRecordNode, 'QuarantinedRecord');

@Resolver()
export class SyncResolver {
  @Query(() => SyncRunConnection, { description: 'The sync ledger, newest first.' })
  syncRuns(@Args(() => SyncRunsArgs) args: SyncRunsArgs, @Ctx() ctx: GraphContext) {
    return listSyncRuns(ctx.em, { first: validateFirst(args.first), after: args.after, filter: args.filter });
  }

  @Query(() => SyncRunNode, { nullable: true })
  syncRun(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphContext) {
    return findSyncRun(ctx.em, id);
  }

  @Query(() => [SourceStatus], { description: "Each portal's last success, lag and staleness." })
  sources(@Ctx() ctx: GraphContext) {
    return sourceStatuses(ctx.em, {
      sources: [...SOURCES],
      configured: ctx.services.sync.enabledSources(),
      staleAfterMs: ctx.services.config.sourceStaleAfterMs,
    });
  }

  @Query(() => QuarantinedRecordConnection, {
    description: 'Upstream records that failed validation, newest first.',
  })
  quarantinedRecords(@Args(() => QuarantineArgs) args: QuarantineArgs, @Ctx() ctx: GraphContext) {
    return listQuarantined(ctx.em, {
      first: validateFirst(args.first),
      after: args.after,
      filter: args.filter,
    });
  }

  @Mutation(() => SyncRunNode, {
    description:
      'Starts a sync of one source now; answers with the run while it goes on. On an api replica the run is queued for a worker (status QUEUED; a run already waiting for the source is answered instead).',
  })
  async runSync(
    @Arg('source', () => SourceEnum) source: Source,
    @Arg('full', () => Boolean, {
      defaultValue: false,
      description: 'A full walk (deletion detection) instead of incremental.',
    })
    full: boolean,
    @Ctx() ctx: GraphContext,
  ) {
    if (!ctx.services.sync.enabledSources().includes(source)) {
      throw badInput(`the ${source} source is not configured on this hub`, 'source');
    }
    // An api replica does not sync: the run is queued for a worker and answered QUEUED.
    if (ctx.services.sync.queuesRuns) {
      const { id } = await ctx.services.sync.queue(source, { full, trigger: 'GRAPH' });
      return await findSyncRun(ctx.em.fork(), id);
    }
    try {
      const id = await ctx.services.sync.start(source, { full, trigger: 'GRAPH' });
      return await findSyncRun(ctx.em.fork(), id);
    } catch (e) {
      if (e instanceof RunOverlapError)
        throw badInput(`a ${source} sync is already running; see syncRuns`, 'source');
      throw e;
    }
  }

  @Mutation(() => SyncRunNode, {
    description: 'Applies the deletions a HELD run kept back for confirmation.',
  })
  async confirmDeletions(@Arg('syncRunId', () => ID) syncRunId: string, @Ctx() ctx: GraphContext) {
    // Run ids are numbers: anything else is the caller's mistake, not a failed statement.
    if (!/^\d{1,18}$/.test(syncRunId.trim()))
      throw badInput(`syncRunId must be a sync run's number (got "${syncRunId.slice(0, 40)}")`, 'syncRunId');
    try {
      await confirmDeletions(ctx.services.sync.orm, syncRunId, ctx.principal.name);
    } catch (e) {
      if (e instanceof ConfirmError) {
        throw e.code === 'sync_run_not_found' ? notFound(e.message) : badInput(e.message, 'syncRunId');
      }
      throw e;
    }
    return findSyncRun(ctx.em.fork(), syncRunId);
  }
}
