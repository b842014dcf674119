/** The graph's service index (domain.md, "Service index"). */
import { ArgsType, Field, Float, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../graph/scalars';
import { PeriodArgs } from './period.args';

@ArgsType()
export class ServiceIndexArgs extends PeriodArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'An agency code: only dossiers and feedback of it and its subtree. Absent: the whole province.',
  })
  agency?: string | null;
}

@ObjectType({ description: 'One figure of the index, with everything needed to check it by hand.' })
export class ServiceIndexFigure {
  @Field(() => String, {
    description: 'PROGRESS, FEEDBACK_ON_TIME, FEEDBACK_SATISFACTION, DOSSIER_SATISFACTION, ONLINE_SHARE.',
  })
  key!: string;
  @Field(() => String) label!: string;
  @Field(() => Int) numerator!: number;
  @Field(() => Int) denominator!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'numerator / denominator; null when the denominator is 0.',
  })
  ratio!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Points scored; null for a figure shown without points.',
  })
  points!: number | null;
  @Field(() => Float, { description: 'The most points the figure can score (0 when it scores none).' })
  maximum!: number;
  @Field(() => String, { description: 'How numerator, denominator and points are computed.' })
  formula!: string;
}

@ObjectType({
  description: 'The service index for a period (the subset of the national index set the hub computes).',
})
export class ServiceIndex {
  @Field(() => LocalDateScalar) from!: string;
  @Field(() => LocalDateScalar) to!: string;
  @Field(() => String, { nullable: true }) agency!: string | null;
  @Field(() => [ServiceIndexFigure]) figures!: ServiceIndexFigure[];
  @Field(() => Float, { description: "Sum of the figures' points." }) points!: number;
  @Field(() => Float, { description: "Sum of the figures' maxima (38)." }) maximum!: number;
}
