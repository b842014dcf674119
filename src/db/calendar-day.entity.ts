import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The working-day calendar (src/domain/calendar) as a table, so SQL can do working-day
 * arithmetic in set operations: the n-th working day after d is the working day whose
 * working_index is working_index(d) + n. Filled by refreshCalendarTable on every migrate.
 */
@Entity({ tableName: 'calendar_day' })
// index → day: "the first working day whose index is k" is a lookup, not a scan.
@Index({ properties: ['workingIndex', 'day'] })
export class CalendarDay {
  @PrimaryKey({ type: 'date', columnType: 'date' })
  day!: string;

  @Property({ type: 'boolean' })
  isWorking!: boolean;

  /** Working days from the calendar's first day up to and including this day. */
  @Property({ type: 'integer' })
  workingIndex!: number;
}
