import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { localDateOf } from '../../domain/local-date';
import { figureAgency, requireInScope } from '../../graph/auth';
import type { GraphContext } from '../../graph/context';
import { badInput } from '../../graph/errors';
import { AgencyNode } from '../agency';
import { periodOfName as periodDays } from '../report';
import { OneStopCoverageNode } from './coverage.types';
import { oneStopCoverage } from './indicators/coverage';
import { type IndicatorMapping, loadIndicatorMapping } from './indicators/mapping';
import { planProgress } from './progress.service';
import { PlanProgressNode } from './progress.types';

const mappings = new Map<string, IndicatorMapping>();

/** The mapping in force, read once per process (the bundled one, or with PLAN_INDICATORS_FILE over it). */
export function indicatorMapping(file: string | null): IndicatorMapping {
  let mapping = mappings.get(file ?? '');
  if (!mapping) {
    mapping = loadIndicatorMapping(file);
    mappings.set(file ?? '', mapping);
  }
  return mapping;
}

@Resolver(() => PlanProgressNode)
export class PlanProgressResolver {
  @Query(() => PlanProgressNode, {
    description:
      "Every task of the year's plan with its indicators and status. period: 2020, 2020-Q2 or 2020-06 (default: the plan's year). agency: that agency's scope (itself and the agencies under it), and only the tasks it leads.",
  })
  planProgress(
    @Arg('year', () => Int) year: number,
    @Arg('period', () => String, { nullable: true }) period: string | null,
    @Arg('agency', () => String, { nullable: true }) agency: string | null,
    @Ctx() ctx: GraphContext,
  ): Promise<PlanProgressNode> {
    return planProgress(ctx.em, {
      year,
      period,
      agency: figureAgency(ctx.scope, ctx.principal.agency, agency),
      mapping: indicatorMapping(ctx.services.config.planIndicatorsFile),
      today: localDateOf(new Date()),
    });
  }
}

@Resolver(() => AgencyNode)
export class AgencyCoverageResolver {
  @FieldResolver(() => OneStopCoverageNode, {
    description:
      'Task 14 of the plan: the listings this agency has, its dossiers received in the period (2020, 2020-Q2, 2020-06), its first and last dossier, the listings no dossier of its own has used.',
  })
  async oneStopCoverage(
    @Root() agency: AgencyNode,
    @Arg('period', () => String) period: string,
    @Ctx() ctx: GraphContext,
  ): Promise<OneStopCoverageNode> {
    requireInScope(ctx.scope, [agency.code]);
    const days = periodDays(period);
    if (!days)
      throw badInput(
        `period "${period}" is not a year (2020), a quarter (2020-Q2) or a month (2020-06)`,
        'period',
      );
    const [row] = await oneStopCoverage(ctx.em, days, [agency.code]);
    return (
      row ?? {
        agencyCode: agency.code,
        listings: 0,
        listingsUnused: 0,
        received: 0,
        firstDossier: null,
        lastDossier: null,
        flagged: false,
      }
    );
  }
}
