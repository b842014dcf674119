/** The graph's view of procedures. Entities stay inside the module; these are what clients see. */
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Channel, Level, TimeUnit } from '../../domain/model';
import { ChannelEnum, LevelEnum, NationalStatusEnum, TimeUnitEnum } from '../../graph/enums';
import { DateTimeScalar, LocalDateScalar } from '../../graph/scalars';

@ObjectType({ simpleResolvers: true, description: 'A code with its name (sector, agency, subject, result).' })
export class CodeName {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ simpleResolvers: true })
export class Fee {
  @Field(() => String, { nullable: true }) code!: string | null;
  @Field(() => Float, { description: 'Integer đồng (VND).' }) amount!: number;
  @Field(() => String, { nullable: true }) description!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class ProcessingTime {
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => TimeUnitEnum, { nullable: true, description: 'Null when the upstream unit was unreadable.' })
  unit!: TimeUnit | null;
  @Field(() => String, { nullable: true }) description!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Processing times and fees of one channel.' })
export class ChannelTerms {
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => [ProcessingTime]) times!: ProcessingTime[];
  @Field(() => [Fee]) fees!: Fee[];
}

@ObjectType({ simpleResolvers: true })
export class LegalBasis {
  @Field(() => String) number!: string;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) issuedDate!: string | null;
  @Field(() => String, { nullable: true }) issuer!: string | null;
}

@ObjectType({ simpleResolvers: true, description: "A ministry's publication decision (quyết định công bố)." })
export class Decision {
  @Field(() => String, { nullable: true }) id!: string | null;
  @Field(() => String, { nullable: true }) number!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) date!: Date | null;
  @Field(() => String, { nullable: true }) issuer!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A field the hub could not read from the upstream record; the rest was kept.',
})
export class FieldIssue {
  @Field(() => String) field!: string;
  @Field(() => String) reason!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'The national database (CSDLQG TTHC) record of a procedure.',
})
export class NationalProcedure {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => NationalStatusEnum) status!: keyof typeof NationalStatusEnum;
  @Field(() => DateTimeScalar, { nullable: true, description: 'NGAYBAIBO: when the abolition took effect.' })
  abolishedAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'LOAITTHC' }) procedureType!: number | null;
  @Field(() => DateTimeScalar, { description: 'NGAYCAPNHAT: last change in the national database.' })
  updatedAt!: Date;
  @Field(() => String, { nullable: true, description: 'MACOQUANCONGBO' }) publishingAgencyCode!:
    | string
    | null;
  @Field(() => Decision, { nullable: true }) decision!: Decision | null;
  @Field(() => [CodeName]) sectors!: CodeName[];
  @Field(() => [LevelEnum]) levels!: Level[];
  @Field(() => [CodeName], { description: 'Implementing agencies (COQUANTHUCHIEN).' }) agencies!: CodeName[];
  @Field(() => [CodeName]) subjects!: CodeName[];
  @Field(() => [ChannelTerms]) channels!: ChannelTerms[];
  @Field(() => [CodeName]) results!: CodeName[];
  @Field(() => [LegalBasis]) legalBases!: LegalBasis[];
  @Field(() => String, { nullable: true }) requirements!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [FieldIssue]) unreadableFields!: FieldIssue[];
  @Field(() => DateTimeScalar, { description: 'When the hub last stored a change to this record.' })
  syncedAt!: Date;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Set when a complete walk no longer saw the record.',
  })
  deletedAt!: Date | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'One procedure, identified by its national code, as every portal knows it.',
})
export class Procedure {
  @Field(() => String, { description: 'National procedure code (mã TTHC), e.g. 2.000477.' }) code!: string;
  @Field(() => String) name!: string;
}
