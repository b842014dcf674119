import { Entity, Property } from '@mikro-orm/core';
import type { Level } from '../../../connectors/kit/model';

/**
 * One agency of the province, merged over every portal that knows its code. A virtual
 * entity: the union is computed by the database, so a code known to one portal only is
 * still an agency.
 */
@Entity({
  expression: `select code, name, level, parent_code, deleted_at from national_agency`,
})
export class Agency {
  @Property({ type: 'string', columnType: 'text' })
  code!: string;

  @Property({ type: 'string', columnType: 'text' })
  name!: string;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  level?: Level | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  parentCode?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deletedAt?: Date | null;
}
