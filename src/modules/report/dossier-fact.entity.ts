import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One live dossier's timeliness facts (migration Migration20261201110000_dossier_fact):
 * written only by the database's triggers on `dossier`, `provincial_listing` and
 * `calendar_day`, read only by reports. Declared here so the schema has no drift.
 */
@Entity({ tableName: 'dossier_fact' })
@Index({
  name: 'dossier_fact_accepted_day_index',
  expression:
    'create index "dossier_fact_accepted_day_index" on "dossier_fact" ("accepted_day") where "received"',
})
@Index({
  name: 'dossier_fact_end_day_index',
  expression: 'create index "dossier_fact_end_day_index" on "dossier_fact" ("end_day") where "received"',
})
@Index({
  name: 'dossier_fact_applied_day_index',
  expression:
    'create index "dossier_fact_applied_day_index" on "dossier_fact" ("applied_day") where "refused"',
})
export class DossierFact {
  @PrimaryKey({ type: 'string', columnType: 'text' }) code!: string;
  @Property({ type: 'string', columnType: 'text', nullable: true }) agencyCode?: string | null;
  @Property({ type: 'string', columnType: 'text' }) listingCode!: string;
  @Property({ type: 'string', columnType: 'text' }) nationalCode!: string;
  @Property({ type: 'string', columnType: 'text' }) channel!: string;
  /** An accepted date and a status other than NOT_RECEIVED. */
  @Property({ type: 'boolean' }) received!: boolean;
  @Property({ type: 'boolean' }) refused!: boolean;
  @Property({ type: 'string', columnType: 'date', nullable: true }) appliedDay?: string | null;
  @Property({ type: 'string', columnType: 'date', nullable: true }) acceptedDay?: string | null;
  /** COMPLETED or WITHDRAWN: what ended the dossier; null while open. */
  @Property({ type: 'string', columnType: 'text', nullable: true })
  endKind?: 'COMPLETED' | 'WITHDRAWN' | null;
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) endAt?: Date | null;
  @Property({ type: 'string', columnType: 'date', nullable: true }) endDay?: string | null;
  @Property({ type: 'string', columnType: 'text', nullable: true })
  dueSource?: 'APPOINTMENT' | 'LISTING' | null;
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) dueAt?: Date | null;
  @Property({ type: 'string', columnType: 'date', nullable: true }) dueDay?: string | null;
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) nationalDueAt?: Date | null;
  @Property({ type: 'string', columnType: 'date', nullable: true }) nationalDueDay?: string | null;
  @Property({ type: 'integer' }) supplementCount!: number;
  /** Local days on which a supplement request stood unanswered. */
  @Property({ type: 'string', columnType: 'datemultirange', nullable: true }) waitingDays?: string | null;
  /** NATIONAL: the days the clock stood still for the one request asked before the due instant. */
  @Property({ type: 'string', columnType: 'daterange', nullable: true }) nationalPauseDays?: string | null;
  @Property({ type: 'string', columnType: 'text', nullable: true }) provincialClass?: string | null;
  @Property({ type: 'string', columnType: 'text', nullable: true }) nationalClass?: string | null;
  @Property({ type: 'integer', nullable: true }) ratingValue?: number | null;
}
