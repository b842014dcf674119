import { ArgsType, Field, InputType, ObjectType } from 'type-graphql';
import type { Level } from '../../domain/model';
import { PageArgs } from '../../graph/connection';
import { LevelEnum } from '../../graph/enums';

@ObjectType('Agency', {
  simpleResolvers: true,
  description: "One of the province's agencies, by its electronic identifier code (000.00.12.H21).",
})
export class AgencyNode {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => LevelEnum, { nullable: true }) level!: Level | null;
  parentCode!: string | null;
}

@InputType()
export class AgencyFilter {
  @Field(() => LevelEnum, { nullable: true }) level?: Level | null;
  @Field(() => String, { nullable: true, description: "Only the direct children of this agency's code." })
  parent?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Text in the code or name; diacritics and case are ignored.',
  })
  search?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Only this agency and every agency below it (what a key limited to it sees).',
  })
  within?: string | null;
}

@ArgsType()
export class AgenciesArgs extends PageArgs {
  @Field(() => AgencyFilter, { nullable: true }) filter?: AgencyFilter | null;
}
