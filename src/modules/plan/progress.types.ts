import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { LocalDate } from '../../domain/model';
import { LocalDateScalar } from '../../graph/scalars';
import { type PlanStatus, PlanStatusEnum } from './plan.enums';
import { PlanTaskNode } from './plan.types';

@ObjectType('PlanIndicatorPart', { description: 'One part of an indicator: a quarter, a finding kind.' })
export class PlanIndicatorPartNode {
  @Field(() => String) label!: string;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Int, { nullable: true }) numerator!: number | null;
  @Field(() => Int, { nullable: true }) denominator!: number | null;
}

@ObjectType('PlanIndicator', { description: "A figure the hub computes for a task, with its rule's status." })
export class PlanIndicatorNode {
  @Field(() => String) key!: string;
  @Field(() => String) name!: string;
  @Field(() => Float, { nullable: true, description: 'Null when the data says nothing (NOT_MEASURABLE).' })
  value!: number | null;
  @Field(() => Int, { nullable: true }) numerator!: number | null;
  @Field(() => Int, { nullable: true }) denominator!: number | null;
  @Field(() => Float, { nullable: true }) target!: number | null;
  @Field(() => PlanStatusEnum) status!: PlanStatus;
  @Field(() => String) formula!: string;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'A day the figure is about (a first dossier).',
  })
  date!: LocalDate | null;
  @Field(() => String, { nullable: true, description: 'What the figure is made of, in one line.' })
  detail!: string | null;
  @Field(() => [PlanIndicatorPartNode]) parts!: PlanIndicatorPartNode[];
}

@ObjectType('PlanTaskProgress')
export class PlanTaskProgressNode {
  @Field(() => PlanTaskNode) task!: PlanTaskNode;
  @Field(() => PlanStatusEnum) status!: PlanStatus;
  @Field(() => [PlanIndicatorNode]) indicators!: PlanIndicatorNode[];
}

@ObjectType('PlanProgress', {
  description: 'Every task of a plan with its indicators and status, for a period and scope.',
})
export class PlanProgressNode {
  @Field(() => Int) year!: number;
  @Field(() => String, { nullable: true }) period!: string | null;
  @Field(() => LocalDateScalar) from!: LocalDate;
  @Field(() => LocalDateScalar) to!: LocalDate;
  @Field(() => String, {
    nullable: true,
    description: 'The agency whose scope this is; null: the whole province.',
  })
  agency!: string | null;
  @Field(() => LocalDateScalar, { description: 'The day statuses are judged on.' }) asOf!: LocalDate;
  @Field(() => [PlanTaskProgressNode]) tasks!: PlanTaskProgressNode[];
}
