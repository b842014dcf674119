import { ArgsType, Field, InputType } from 'type-graphql';
import type {
  FeedbackChannel,
  FeedbackClassification,
  FeedbackStatus,
  FeedbackStatusGroup,
} from '../../domain/model';
import { PageArgs } from '../../graph/connection';
import { DateRange } from '../../graph/date-range';
import {
  FeedbackChannelEnum,
  FeedbackClassificationEnum,
  FeedbackStatusEnum,
  FeedbackStatusGroupEnum,
} from '../../graph/enums';

@InputType({ description: 'All given filters must match.' })
export class FeedbackFilter {
  @Field(() => String, { nullable: true, description: 'Handling agency code (000.00.12.H21).' })
  agency?: string | null;
  @Field(() => String, { nullable: true, description: 'National procedure code (2.000477).' })
  procedure?: string | null;
  @Field(() => String, { nullable: true, description: 'iGate dossier code.' }) dossier?: string | null;
  @Field(() => [FeedbackStatusEnum], { nullable: true, description: 'Any of these statuses.' })
  status?: FeedbackStatus[] | null;
  @Field(() => [FeedbackStatusGroupEnum], { nullable: true, description: 'Any of these status groups.' })
  statusGroup?: FeedbackStatusGroup[] | null;
  @Field(() => FeedbackClassificationEnum, { nullable: true }) classification?: FeedbackClassification | null;
  @Field(() => FeedbackChannelEnum, { nullable: true }) channel?: FeedbackChannel | null;
  @Field(() => DateRange, { nullable: true, description: 'When it was sent (ngayGui).' })
  sent?: DateRange | null;
}

@ArgsType()
export class FeedbacksArgs extends PageArgs {
  @Field(() => FeedbackFilter, { nullable: true }) filter?: FeedbackFilter | null;
}
