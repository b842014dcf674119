import { ArgsType, Field, InputType } from 'type-graphql';
import type { FindingKind, FindingStatus, Severity } from '../../domain/finding';
import { PageArgs } from '../../graph/connection';
import { DateRange } from '../../graph/date-range';
import { FindingKindEnum, FindingStatusEnum, SeverityEnum } from '../../graph/enums';

@InputType({ description: 'All given filters must match; a list matches any of its values.' })
export class FindingFilter {
  @Field(() => [FindingKindEnum], { nullable: true }) kind?: FindingKind[] | null;
  @Field(() => [FindingStatusEnum], { nullable: true }) status?: FindingStatus[] | null;
  @Field(() => [SeverityEnum], { nullable: true }) severity?: Severity[] | null;
  @Field(() => [String], { nullable: true, description: 'Agency codes (000.00.12.H21).' })
  agency?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Sector codes.' }) sector?: string[] | null;
  @Field(() => [String], { nullable: true }) subjectCode?: string[] | null;
  @Field(() => [String], { nullable: true }) nationalCode?: string[] | null;
  @Field(() => DateRange, { nullable: true, description: 'When a check run last saw it.' })
  lastSeen?: DateRange | null;
}

@ArgsType()
export class FindingsArgs extends PageArgs {
  @Field(() => FindingFilter, { nullable: true }) filter?: FindingFilter | null;
}

@ArgsType()
export class FindingSummaryArgs {
  @Field(() => FindingFilter, { nullable: true }) filter?: FindingFilter | null;
}

@ArgsType()
export class RelatedFindingsArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'Include RESOLVED findings.' })
  includeResolved!: boolean;
}
