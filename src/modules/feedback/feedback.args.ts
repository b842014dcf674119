import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
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

/** The orders a feedback list pages in (keyset, the code breaking ties). */
export const FeedbackOrderBy = {
  SENT_DESC: 'SENT_DESC',
  SENT_ASC: 'SENT_ASC',
  UPDATED_DESC: 'UPDATED_DESC',
  UPDATED_ASC: 'UPDATED_ASC',
} as const;
export type FeedbackOrderBy = (typeof FeedbackOrderBy)[keyof typeof FeedbackOrderBy];
registerEnumType(FeedbackOrderBy, {
  name: 'FeedbackOrderBy',
  description: 'sentAt (ngayGui) or updatedAt (ngayCapNhat), newest or oldest first.',
});

@InputType({ description: 'All given filters must match.' })
export class FeedbackFilter {
  @Field(() => [String], { nullable: true, description: 'maPAKN codes, exactly (at most 1000).' })
  codes?: string[] | null;
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
  @Field(() => Boolean, {
    nullable: true,
    description: 'With agency: also the feedback of every agency below it (children, their children, …).',
  })
  includeDescendants?: boolean | null;
}

@ArgsType()
export class FeedbacksArgs extends PageArgs {
  @Field(() => FeedbackFilter, { nullable: true }) filter?: FeedbackFilter | null;
  @Field(() => FeedbackOrderBy, { nullable: true, description: 'Default SENT_DESC: newest sent first.' })
  orderBy?: FeedbackOrderBy | null;
}

/** `Agency.feedbacks`: the agency's own, or with `includeDescendants` those of every agency below it too. */
@ArgsType()
export class AgencyFeedbacksArgs extends FeedbacksArgs {
  @Field(() => Boolean, {
    nullable: true,
    description: 'Also the feedback of every agency below this one (children, their children, …).',
  })
  includeDescendants?: boolean | null;
}
