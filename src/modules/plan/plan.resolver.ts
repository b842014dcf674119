import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphContext } from '../../graph/context';
import { AgencyNode, agencyLoader } from '../agency';
import { listPlans, planOfYear, type StoredPlan, unmatchedBodies } from './plan.queries';
import { PlanBodyNode, PlanNode } from './plan.types';
import './plan.enums';

export function toPlanNode(plan: StoredPlan): PlanNode {
  return { ...plan, unmatchedBodies: unmatchedBodies(plan) };
}

@Resolver(() => PlanNode)
export class PlanResolver {
  @Query(() => [PlanNode], {
    description: 'The latest version of every yearly plan imported, newest year first.',
  })
  async plans(@Ctx() ctx: GraphContext): Promise<PlanNode[]> {
    return (await listPlans(ctx.em)).map(toPlanNode);
  }

  @Query(() => PlanNode, { nullable: true, description: 'The plan of a year (its latest version).' })
  async plan(@Arg('year', () => Int) year: number, @Ctx() ctx: GraphContext): Promise<PlanNode | null> {
    const plan = await planOfYear(ctx.em, year);
    return plan ? toPlanNode(plan) : null;
  }
}

@Resolver(() => PlanBodyNode)
export class PlanBodyResolver {
  @FieldResolver(() => AgencyNode, {
    nullable: true,
    description: 'The agency a named body is, when one matches.',
  })
  agency(@Root() body: PlanBodyNode, @Ctx() ctx: GraphContext) {
    return body.agencyCode ? agencyLoader(ctx).load(body.agencyCode) : null;
  }

  @FieldResolver(() => [AgencyNode], {
    description: "Every agency the body stands for: its own, or all of a LEVEL body's level.",
  })
  async agencies(@Root() body: PlanBodyNode, @Ctx() ctx: GraphContext) {
    const found = await agencyLoader(ctx).loadMany(body.agencyCodes);
    return found.filter((a): a is AgencyNode => a !== null && !(a instanceof Error));
  }
}
