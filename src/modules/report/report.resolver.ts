import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { localDateOf } from '../../domain/time';
import { figureAgency, reportAgencies } from '../../graph/auth';
import { type GraphContext, loaderFor } from '../../graph/context';
import { LocalDateScalar } from '../../graph/scalars';
import { DossierNode } from '../dossier';
import { feedbackReport } from './feedback-report.service';
import { FeedbackReport, FeedbackReportArgs } from './feedback-report.types';
import { dossierReport } from './form06.service';
import { DossierReport, DossierReportArgs } from './form06.types';
import { resolvePeriod } from './period';
import { reportEm } from './read-db';
import { TimelinessRule } from './report.enums';
import { serviceIndex } from './service-index.service';
import { ServiceIndex, ServiceIndexArgs } from './service-index.types';
import { timelinessOf } from './timeliness.service';
import { DossierTimeliness } from './timeliness.types';

@Resolver()
export class DossierReportResolver {
  @Query(() => DossierReport, {
    description:
      'Form 06 for a period: period ("2020", "2020-Q2", "2020-06") or from and to, never both; BAD_USER_INPUT otherwise.',
  })
  dossierReport(@Args(() => DossierReportArgs) args: DossierReportArgs, @Ctx() ctx: GraphContext) {
    const period = resolvePeriod(args);
    return dossierReport(reportEm(ctx), {
      period,
      groupBy: args.groupBy,
      rule: args.rule,
      rollUp: args.rollUp,
      filter: ctx.scope.agencyCodes
        ? { ...args.filter, agency: reportAgencies(ctx.scope, ctx.principal.agency, args.filter?.agency) }
        : args.filter,
    });
  }
}

@Resolver(() => DossierNode)
export class DossierTimelinessResolver {
  @FieldResolver(() => DossierTimeliness, {
    nullable: true,
    description:
      'Timeliness under a rule (domain.md, "When a dossier is on time"), judged at the end of asOf (default today).',
  })
  timeliness(
    @Root() d: DossierNode,
    @Ctx() ctx: GraphContext,
    @Arg('rule', () => TimelinessRule, { defaultValue: 'PROVINCIAL' }) rule: TimelinessRule,
    @Arg('asOf', () => LocalDateScalar, { nullable: true }) asOf?: string | null,
  ) {
    const day = asOf ?? localDateOf(new Date());
    return loaderFor<string, DossierTimeliness>(ctx, `timeliness:${rule}:${day}`, (codes) =>
      timelinessOf(reportEm(ctx), codes, rule, day),
    ).load(d.code);
  }
}

@Resolver()
export class IndexAndFeedbackResolver {
  @Query(() => ServiceIndex, {
    description: 'The service index for a period (period, or from and to) and optionally one agency subtree.',
  })
  serviceIndex(@Args(() => ServiceIndexArgs) args: ServiceIndexArgs, @Ctx() ctx: GraphContext) {
    const agency = figureAgency(ctx.scope, ctx.principal.agency, args.agency);
    return serviceIndex(reportEm(ctx), resolvePeriod(args), agency);
  }

  @Query(() => FeedbackReport, {
    description: 'Feedback figures for a period (period, or from and to), per row and in total.',
  })
  feedbackReport(@Args(() => FeedbackReportArgs) args: FeedbackReportArgs, @Ctx() ctx: GraphContext) {
    return feedbackReport(
      reportEm(ctx),
      resolvePeriod(args),
      args.groupBy,
      ctx.scope.agencyCodes ? ctx.principal.agency : null,
    );
  }
}
