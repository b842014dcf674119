import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { Source } from '../domain/model';
import { PageArgs } from '../graph/connection';
import { SourceEnum, SyncModeEnum, SyncRunStatusEnum, SyncTriggerEnum } from '../graph/enums';
import { DateTimeScalar } from '../graph/scalars';
import type { SyncMode, SyncRunStatus, SyncTrigger } from './sync-run.entity';

@ObjectType({ description: 'A stream cursor before or after a run.' })
export class StreamCursor {
  @Field(() => String) stream!: string;
  @Field(() => String, { nullable: true }) cursor!: string | null;
}

@ObjectType('SyncRun', { description: 'One sync run of one source: what it read, wrote and hit.' })
export class SyncRunNode {
  @Field(() => ID) id!: string;
  @Field(() => SourceEnum) source!: Source;
  @Field(() => SyncModeEnum) mode!: SyncMode;
  @Field(() => SyncTriggerEnum) trigger!: SyncTrigger;
  @Field(() => SyncRunStatusEnum) status!: SyncRunStatus;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When an api replica queued it for a worker (null for runs started where they were asked).',
  })
  queuedAt!: Date | null;
  @Field(() => DateTimeScalar, { description: 'When it started running (while QUEUED: when it was queued).' })
  startedAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) finishedAt!: Date | null;
  @Field(() => DateTimeScalar) heartbeatAt!: Date;
  @Field(() => String, { description: 'host:pid of the process that ran it.' }) worker!: string;
  @Field(() => ID, { nullable: true, description: 'The interrupted run whose walk this run resumed.' })
  resumedFrom!: string | null;
  @Field(() => Int) pages!: number;
  @Field(() => Int) requests!: number;
  @Field(() => Int) retries!: number;
  @Field(() => Int, { description: 'HTTP 429 answers received.' }) throttled!: number;
  @Field(() => Int) fetched!: number;
  @Field(() => Int) inserted!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) deleted!: number;
  @Field(() => Int) quarantined!: number;
  @Field(() => Int, { description: 'Vanished records held for confirmation (status HELD).' })
  heldDeletions!: number;
  @Field(() => [StreamCursor]) cursorBefore!: StreamCursor[];
  @Field(() => [StreamCursor]) cursorAfter!: StreamCursor[];
  @Field(() => String, { nullable: true }) errorCode!: string | null;
  @Field(() => String, { nullable: true }) errorMessage!: string | null;
}

@InputType()
export class SyncRunFilter {
  @Field(() => SourceEnum, { nullable: true }) source?: Source | null;
  @Field(() => SyncRunStatusEnum, { nullable: true }) status?: SyncRunStatus | null;
  @Field(() => SyncTriggerEnum, { nullable: true }) trigger?: SyncTrigger | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Runs started at or after.' })
  startedFrom?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Runs started before.' })
  startedBefore?: Date | null;
}

@ArgsType()
export class SyncRunsArgs extends PageArgs {
  @Field(() => SyncRunFilter, { nullable: true }) filter?: SyncRunFilter | null;
}

@ObjectType()
export class SourceError {
  @Field(() => String) code!: string;
  @Field(() => String) message!: string;
  @Field(() => DateTimeScalar) at!: Date;
  @Field(() => ID) runId!: string;
}

@ObjectType({
  description: "A portal's freshness: the graph keeps serving its last good data when it is down.",
})
export class SourceStatus {
  @Field(() => SourceEnum) source!: Source;
  @Field(() => Boolean, { description: 'Whether this hub is set up to read it.' }) configured!: boolean;
  @Field(() => DateTimeScalar, { nullable: true }) lastSuccessAt!: Date | null;
  @Field(() => Float, { nullable: true, description: 'Seconds since the last successful run ended.' })
  lagSeconds!: number | null;
  @Field(() => Boolean, { description: 'No success within SOURCE_STALE_AFTER.' }) stale!: boolean;
  @Field(() => SyncRunNode, { nullable: true }) lastRun!: SyncRunNode | null;
  @Field(() => SourceError, { nullable: true, description: 'The latest failure, if after the last success.' })
  lastError!: SourceError | null;
  @Field(() => Boolean) running!: boolean;
}

@ObjectType('QuarantinedRecord', {
  description:
    'An upstream record that failed validation, kept with its raw payload (personal data redacted).',
})
export class QuarantinedRecordNode {
  @Field(() => ID) id!: string;
  @Field(() => SourceEnum) source!: Source;
  @Field(() => String) stream!: string;
  @Field(() => String, { nullable: true }) externalKey!: string | null;
  @Field(() => String, { nullable: true }) field!: string | null;
  @Field(() => String) reason!: string;
  @Field(() => String, { description: 'The raw payload as JSON text.' }) raw!: string;
  @Field(() => ID) syncRunId!: string;
  @Field(() => Int) timesSeen!: number;
  @Field(() => DateTimeScalar) firstSeenAt!: Date;
  @Field(() => DateTimeScalar) lastSeenAt!: Date;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'A valid version of the record arrived later.',
  })
  resolvedAt!: Date | null;
}

@InputType()
export class QuarantineFilter {
  @Field(() => SourceEnum, { nullable: true }) source?: Source | null;
  @Field(() => String, { nullable: true }) stream?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only resolved; false: only open (default all).',
  })
  resolved?: boolean | null;
  @Field(() => ID, { nullable: true }) syncRunId?: string | null;
}

@ArgsType()
export class QuarantineArgs extends PageArgs {
  @Field(() => QuarantineFilter, { nullable: true }) filter?: QuarantineFilter | null;
}
