import { Entity, Property } from '@mikro-orm/core';
import type { Level } from '../../domain/model';

/** The merged agencies as SQL (code, name, level, parent_code, deleted_at); reports join it. */
export const AGENCY_VIEW_SQL = `select coalesce(i.code, n.code) as code,
      case when i.code is not null and (i.deleted_at is null or n.code is null or n.deleted_at is not null)
        then i.name else n.name end as name,
      case when i.code is not null and (i.deleted_at is null or n.code is null or n.deleted_at is not null)
        then coalesce(i.level, n.level) else coalesce(n.level, i.level) end as level,
      case when i.code is not null and (i.deleted_at is null or n.code is null or n.deleted_at is not null)
        then coalesce(i.parent_code, n.parent_code) else coalesce(n.parent_code, i.parent_code) end as parent_code,
      case when (i.code is not null and i.deleted_at is null) or (n.code is not null and n.deleted_at is null)
        then null else greatest(i.deleted_at, n.deleted_at) end as deleted_at
    from national_agency n full join igate_agency i on i.code = n.code`;

/**
 * One agency of the province, merged over every portal that knows its code. A virtual
 * entity: the union is computed by the database, so a code known to one portal only is
 * still an agency. iGate wins for name, level and parent when both portals have them (it
 * holds the hierarchy); a live row wins over a tombstoned one; the agency is gone only
 * when every portal that knew it dropped it.
 */
@Entity({ expression: AGENCY_VIEW_SQL })
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
