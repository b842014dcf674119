import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Timestamped } from '../../db/base.entity';
import type { PlanSectionText } from './plan.model';

/**
 * One version of a province's yearly plan as imported. A re-import of the same content
 * is no new version; a changed file is, and the older versions stay for the record. The
 * current plan of a province and year is its highest version.
 */
@Entity({ tableName: 'plan' })
@Unique({ properties: ['province', 'year', 'version'] })
export class Plan extends Timestamped {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', columnType: 'text' })
  province!: string;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'string', columnType: 'text' })
  title!: string;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  decision?: string | null;

  /** Sections in the plan's order; the plan has a handful, so they live with it. */
  @Property({ type: 'json', columnType: 'jsonb' })
  sections: PlanSectionText[] = [];

  /** Hash of the plan as parsed (not of the file's bytes): the same table as text or CSV is the same plan. */
  @Property({ type: 'string', columnType: 'text' })
  contentHash!: string;

  /** The file it was imported from, as named on the command line (no path). */
  @Property({ type: 'string', columnType: 'text' })
  sourceName!: string;
}
