import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { SyncedRow } from '../../db/base.entity';

/** A sector (lĩnh vực) from the national catalogue (LayDanhMucLinhVuc). */
@Entity({ tableName: 'national_sector' })
export class NationalSector extends SyncedRow {
  @PrimaryKey({ type: 'string', columnType: 'text' })
  code!: string;

  @Property({ type: 'string', columnType: 'text' })
  name!: string;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  industryCode?: string | null;
}
