import { Field, Int, ObjectType } from 'type-graphql';
import type { Level, LocalDate } from '../../domain/model';
import { LevelEnum } from '../../graph/enums';
import { DateTimeScalar, LocalDateScalar } from '../../graph/scalars';
import { PlanBodyKindEnum, PlanDeadlineKindEnum } from './plan.enums';
import type { PlanBodyKind, PlanDeadlineKind } from './plan.model';

@ObjectType('PlanSection', { description: 'A section of the plan (I–V).' })
export class PlanSectionNode {
  @Field(() => String, { description: 'Roman numeral as printed.' }) number!: string;
  @Field(() => String) title!: string;
}

@ObjectType('PlanBody', {
  description: 'A lead or partner body as the plan names it, matched to agencies where it can be.',
})
export class PlanBodyNode {
  @Field(() => String, { description: 'The body as the plan writes it, without its scope note.' })
  text!: string;
  @Field(() => String, { nullable: true, description: 'The scope note in parentheses, if any.' })
  note!: string | null;
  @Field(() => PlanBodyKindEnum) kind!: PlanBodyKind;
  @Field(() => LevelEnum, {
    nullable: true,
    description: "A LEVEL body's level, or the matched agency's level.",
  })
  level!: Level | null;
  agencyCode!: string | null;
  agencyCodes!: string[];
}

@ObjectType('PlanDeadline')
export class PlanDeadlineNode {
  @Field(() => PlanDeadlineKindEnum) kind!: PlanDeadlineKind;
  @Field(() => LocalDateScalar, { nullable: true }) from!: LocalDate | null;
  @Field(() => LocalDateScalar, { nullable: true }) to!: LocalDate | null;
  @Field(() => Int, { nullable: true }) workingDays!: number | null;
}

@ObjectType('PlanTask', { description: 'One task of the plan, as its table states it.' })
export class PlanTaskNode {
  @Field(() => Int) number!: number;
  @Field(() => String, { description: 'The section number (I–V).' }) section!: string;
  @Field(() => String) content!: string;
  @Field(() => [PlanBodyNode]) leads!: PlanBodyNode[];
  @Field(() => [PlanBodyNode]) partners!: PlanBodyNode[];
  @Field(() => String, { description: 'The lead cell as printed.' }) leadsText!: string;
  @Field(() => String, { description: 'The partner cell as printed.' }) partnersText!: string;
  @Field(() => String) expectedResult!: string;
  @Field(() => String) deadlineText!: string;
  @Field(() => PlanDeadlineNode) deadline!: PlanDeadlineNode;
}

@ObjectType('Plan', {
  description:
    "The province's yearly plan for procedure control and the one-stop mechanism (its latest version).",
})
export class PlanNode {
  @Field(() => Int) year!: number;
  @Field(() => String) province!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true, description: 'The decision it was issued by, as printed.' })
  decision!: string | null;
  @Field(() => Int, { description: 'Versions count up with each changed import.' }) version!: number;
  @Field(() => String, { description: 'The file it was imported from.' }) sourceName!: string;
  @Field(() => DateTimeScalar) importedAt!: Date;
  @Field(() => [PlanSectionNode]) sections!: PlanSectionNode[];
  @Field(() => [PlanTaskNode]) tasks!: PlanTaskNode[];
  @Field(() => [String], { description: 'Named bodies that no agency matches (kept as text).' })
  unmatchedBodies!: string[];
}
