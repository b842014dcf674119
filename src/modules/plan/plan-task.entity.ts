import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { LocalDate } from '../../domain/model';
import type { PlanBodyText, PlanDeadlineKind } from './plan.model';

/** One task of one plan version, as the plan's table states it. */
@Entity({ tableName: 'plan_task' })
@Unique({ properties: ['planId', 'number'] })
export class PlanTask {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  planId!: number;

  @Property({ type: 'integer' })
  number!: number;

  /** The section's roman number (`IV`). */
  @Property({ type: 'string', columnType: 'text' })
  section!: string;

  @Property({ type: 'string', columnType: 'text' })
  content!: string;

  @Property({ type: 'string', columnType: 'text' })
  leadsText!: string;

  @Property({ type: 'string', columnType: 'text' })
  partnersText!: string;

  /** Bodies as split from the cells; agencies are matched when read, against the agencies synced by then. */
  @Property({ type: 'json', columnType: 'jsonb' })
  leads: PlanBodyText[] = [];

  @Property({ type: 'json', columnType: 'jsonb' })
  partners: PlanBodyText[] = [];

  @Property({ type: 'string', columnType: 'text' })
  expectedResult!: string;

  @Property({ type: 'string', columnType: 'text' })
  deadlineText!: string;

  @Property({ type: 'string', columnType: 'text' })
  deadlineKind!: PlanDeadlineKind;

  @Property({ type: 'date', columnType: 'date', nullable: true })
  deadlineFrom?: LocalDate | null;

  @Property({ type: 'date', columnType: 'date', nullable: true })
  deadlineTo?: LocalDate | null;

  @Property({ type: 'integer', nullable: true })
  deadlineWorkingDays?: number | null;
}
