import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, LocalDateScalar } from '../../graph/scalars';
import { DueSource, TimelinessRule, TimelinessStatus } from './report.enums';

@ObjectType({
  description: "A dossier's timeliness under one rule, as form 06 counts it for a period ending on asOf.",
})
export class DossierTimeliness {
  @Field(() => TimelinessRule) rule!: TimelinessRule;
  @Field(() => LocalDateScalar, {
    description: 'The day the state is judged at the end of (default: today, local).',
  })
  asOf!: string;
  @Field(() => TimelinessStatus, {
    nullable: true,
    description:
      'EARLY, ON_TIME or LATE when completed by asOf; WITHIN_DEADLINE or OVERDUE when open; null when withdrawn by asOf, refused at reception, or not received by asOf.',
  })
  status!: TimelinessStatus | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'The due instant: the appointment date, else derived from the listing; null when undated.',
  })
  dueAt!: Date | null;
  @Field(() => DueSource, { nullable: true }) dueSource!: DueSource | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      "NATIONAL: the due instant moved later by the applicant's time on the one answered supplement request; PROVINCIAL: the due instant.",
  })
  effectiveDueAt!: Date | null;
  @Field(() => Int, { description: 'Supplement requests as last synced.' }) supplementRequests!: number;
}
