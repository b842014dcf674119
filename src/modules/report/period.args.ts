/** A report's period as the graph takes it, for the reports whose `from` and `to` carry no description of their own. */
import { ArgsType, Field } from 'type-graphql';
import { LocalDateScalar } from '../../graph/scalars';

@ArgsType()
export class PeriodArgs {
  @Field(() => String, {
    nullable: true,
    description: '"2020", "2020-Q2" or "2020-06"; or give from and to.',
  })
  period?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) from?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) to?: string | null;
}
