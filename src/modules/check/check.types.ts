import { Field, ID, Int, ObjectType } from 'type-graphql';
import type {
  CheckRunStatus,
  CheckTrigger,
  FindingKind,
  FindingStatus,
  Severity,
} from '../../domain/finding';
import type { Channel, Source } from '../../domain/model';
import {
  ChannelEnum,
  CheckRunStatusEnum,
  CheckTriggerEnum,
  FindingKindEnum,
  FindingStatusEnum,
  SeverityEnum,
  SourceEnum,
} from '../../graph/enums';
import { DateTimeScalar } from '../../graph/scalars';

@ObjectType({ description: 'One status change of a finding.' })
export class FindingEventNode {
  @Field(() => DateTimeScalar) at!: Date;
  @Field(() => String, { description: 'The API key name of the auditor, or `system` for a check run.' })
  actor!: string;
  @Field(() => FindingStatusEnum, { nullable: true, description: 'Null when the finding was opened.' })
  from!: FindingStatus | null;
  @Field(() => FindingStatusEnum) to!: FindingStatus;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => ID, { nullable: true, description: 'The check run that made the change.' })
  checkRunId!: string | null;
  findingId!: string;
}

@ObjectType({
  description: 'One disagreement between the portals about one thing (domain.md, "Consistency findings").',
})
export class FindingNode {
  @Field(() => ID) id!: string;
  @Field(() => FindingKindEnum) kind!: FindingKind;
  @Field(() => FindingStatusEnum) status!: FindingStatus;
  @Field(() => SeverityEnum) severity!: Severity;
  @Field(() => String, {
    description: 'What the finding is about: a listing code, a national code, a dossier code or a maPAKN.',
  })
  subjectCode!: string;
  @Field(() => String, { nullable: true, description: 'The national procedure code, for grouping.' })
  nationalCode!: string | null;
  @Field(() => String, { nullable: true, description: 'The field that disagrees (name, fees, maHoSo…).' })
  field!: string | null;
  @Field(() => ChannelEnum, { nullable: true }) channel!: Channel | null;
  @Field(() => String, { nullable: true, description: 'The agency the finding concerns, where one applies.' })
  agencyCode!: string | null;
  @Field(() => String, { nullable: true }) sectorCode!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The national side, short and readable (`20 WORKING_DAY`).',
  })
  nationalValue!: string | null;
  @Field(() => String, { nullable: true, description: 'The provincial side, short and readable.' })
  provincialValue!: string | null;
  @Field(() => String, { nullable: true, description: 'The national value as read, JSON.' })
  nationalRaw!: string | null;
  @Field(() => String, { nullable: true, description: 'The provincial value as read, JSON.' })
  provincialRaw!: string | null;
  @Field(() => String, { description: 'The rule that fired, one sentence.' }) rule!: string;
  @Field(() => DateTimeScalar) firstSeenAt!: Date;
  @Field(() => DateTimeScalar) lastSeenAt!: Date;
}

@ObjectType()
export class SkippedKindNode {
  @Field(() => FindingKindEnum) kind!: FindingKind;
  @Field(() => String) reason!: string;
}

@ObjectType({ description: "A source's latest sync run when the check read its data." })
export class SeenSyncRunNode {
  @Field(() => SourceEnum) source!: Source;
  @Field(() => ID, { nullable: true }) runId!: string | null;
  @Field(() => String, { nullable: true }) status!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) finishedAt!: Date | null;
}

@ObjectType({ description: 'One run of the consistency checks.' })
export class CheckRunNode {
  @Field(() => ID) id!: string;
  @Field(() => CheckTriggerEnum) trigger!: CheckTrigger;
  @Field(() => CheckRunStatusEnum) status!: CheckRunStatus;
  @Field(() => DateTimeScalar, { description: 'When it started (while QUEUED: when it was queued).' })
  startedAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Null while QUEUED or RUNNING.' })
  finishedAt!: Date | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When an api replica queued it for a worker (null for runs started where they were asked).',
  })
  queuedAt!: Date | null;
  @Field(() => ID, { nullable: true, description: 'The sync run that triggered it (AFTER_SYNC).' })
  triggeredBySyncRunId!: string | null;
  @Field(() => [SeenSyncRunNode]) syncRuns!: SeenSyncRunNode[];
  @Field(() => [FindingKindEnum]) kindsRan!: FindingKind[];
  @Field(() => [SkippedKindNode]) kindsSkipped!: SkippedKindNode[];
  @Field(() => Int) opened!: number;
  @Field(() => Int) seenAgain!: number;
  @Field(() => Int) resolved!: number;
  @Field(() => Int) reopened!: number;
  @Field(() => Int, { description: 'SQL statements the run issued.' }) statements!: number;
  @Field(() => String, { nullable: true }) errorMessage!: string | null;
}

@ObjectType({ description: 'How many findings of one kind, severity and status.' })
export class FindingCount {
  @Field(() => FindingKindEnum) kind!: FindingKind;
  @Field(() => SeverityEnum) severity!: Severity;
  @Field(() => FindingStatusEnum) status!: FindingStatus;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class FindingSummaryNode {
  @Field(() => Int) total!: number;
  @Field(() => [FindingCount], {
    description: 'By kind × severity × status; combinations with none are left out.',
  })
  counts!: FindingCount[];
}
