import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { Level } from '../../domain/model';

/**
 * The merged agencies as SQL (code, name, level, parent_code, deleted_at); reports join it.
 * A table kept current by triggers on both sources (Migration20261201160100_agency_merged,
 * which holds the merge's rules), indexed for the list's byte order, whole or by parent.
 */
export const AGENCY_VIEW_SQL = 'select code, name, level, parent_code, deleted_at from agency_merged';

/**
 * One agency of the province, merged over every portal that knows its code: a row of
 * agency_merged, which triggers on both sources keep (only the database writes it), so a
 * code known to one portal only is still an agency. iGate wins for name, level and parent
 * when both portals have them (it holds the hierarchy); a live row wins over a tombstoned
 * one; the agency is gone only when every portal that knew it dropped it.
 */
@Entity({ tableName: 'agency_merged' })
// The list's byte order, whole or under one parent (Migration20261201160100_agency_merged).
@Index({
  name: 'agency_merged_code_c_index',
  expression: `create index "agency_merged_code_c_index" on "agency_merged" ("code" collate "C") where "deleted_at" is null`,
})
@Index({
  name: 'agency_merged_parent_code_c_index',
  expression: `create index "agency_merged_parent_code_c_index" on "agency_merged" ("parent_code", "code" collate "C") where "deleted_at" is null`,
})
export class Agency {
  @PrimaryKey({ type: 'string', columnType: 'text' })
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
