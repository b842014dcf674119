import { ArgsType, Field, InputType } from 'type-graphql';
import type { Level } from '../../domain/model';
import { PageArgs } from '../../graph/connection';
import { LevelEnum, NationalStatusEnum } from '../../graph/enums';

@InputType({ description: 'All given filters must match.' })
export class ProcedureFilter {
  @Field(() => [String], { nullable: true, description: 'National codes, exactly.' })
  codes?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Text in the code or name; diacritics and case are ignored.',
  })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Sector code (MALINHVUC).' })
  sector?: string | null;

  @Field(() => LevelEnum, { nullable: true })
  level?: Level | null;

  @Field(() => NationalStatusEnum, { nullable: true })
  status?: keyof typeof NationalStatusEnum | null;

  @Field(() => String, { nullable: true, description: 'Implementing agency code.' })
  agency?: string | null;
}

@ArgsType()
export class ProceduresArgs extends PageArgs {
  @Field(() => ProcedureFilter, { nullable: true })
  filter?: ProcedureFilter | null;
}
