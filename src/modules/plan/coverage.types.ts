import { Field, Int, ObjectType } from 'type-graphql';
import type { LocalDate } from '../../domain/model';
import { LocalDateScalar } from '../../graph/scalars';

@ObjectType('OneStopCoverage', { description: "An agency's use of the one-stop software (plan task 14)." })
export class OneStopCoverageNode {
  agencyCode!: string;
  @Field(() => Int, { description: 'Active listings naming this agency.' }) listings!: number;
  @Field(() => Int, { description: 'Of those, listings no dossier of this agency has used, ever.' })
  listingsUnused!: number;
  @Field(() => Int, { description: 'Dossiers received (accepted, not refused at reception) in the period.' })
  received!: number;
  @Field(() => LocalDateScalar, { nullable: true }) firstDossier!: LocalDate | null;
  @Field(() => LocalDateScalar, { nullable: true }) lastDossier!: LocalDate | null;
  @Field(() => Boolean, { description: 'Listings and not one dossier, ever: flagged by task 14.' })
  flagged!: boolean;
}
