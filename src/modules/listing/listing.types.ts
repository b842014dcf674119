/** The graph's view of the province's procedure listings (iGate, upstream-apis.md §2). */
import { Field, ObjectType } from 'type-graphql';
import type { Level, OnlineLevel } from '../../domain/model';
import { LevelEnum, OnlineLevelEnum } from '../../graph/enums';
import { DateTimeScalar } from '../../graph/scalars';
import { ChannelTerms, CodeName, FieldIssue, LegalBasis } from '../procedure';

@ObjectType('ProvincialListing', {
  simpleResolvers: true,
  description: 'A procedure as the province publishes it on iGate, in the same shape as the national record.',
})
export class ProvincialListingNode {
  @Field(() => String, { description: "The listing's own code, e.g. 2.000477.000.00.00.H21." }) code!: string;
  @Field(() => String, {
    description: 'nationCode, or the first two groups of the code when iGate sent none.',
  })
  nationalCode!: string;
  @Field(() => Boolean, { description: 'True when iGate sent no nationCode and it was read from the code.' })
  nationalCodeInferred!: boolean;
  @Field(() => String) name!: string;
  @Field(() => CodeName, { nullable: true }) sector!: CodeName | null;
  @Field(() => [LevelEnum]) levels!: Level[];
  @Field(() => [CodeName], { description: 'Implementing agencies.' }) agencies!: CodeName[];
  @Field(() => [ChannelTerms]) channels!: ChannelTerms[];
  @Field(() => OnlineLevelEnum, { nullable: true }) onlineLevel!: OnlineLevel | null;
  @Field(() => [LegalBasis]) legalBases!: LegalBasis[];
  @Field(() => String, { nullable: true, description: "The province's publication decision number." })
  decisionNumber!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) decisionDate!: Date | null;
  @Field(() => Boolean, { description: 'iGate status 1; false when the province withdrew it.' })
  active!: boolean;
  @Field(() => DateTimeScalar, { description: 'updatedDate on iGate.' }) updatedAt!: Date;
  @Field(() => [FieldIssue]) unreadableFields!: FieldIssue[];
  @Field(() => DateTimeScalar, { description: 'When the hub last stored a change to this listing.' })
  syncedAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Set when a complete walk no longer saw it.' })
  deletedAt!: Date | null;
}
