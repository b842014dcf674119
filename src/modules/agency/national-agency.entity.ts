import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { SyncedRow } from '../../db/base.entity';
import type { Level } from '../../domain/model';

/** An agency as the national catalogue lists it (LayDanhMucCoQuan). */
@Entity({ tableName: 'national_agency' })
export class NationalAgency extends SyncedRow {
  /** Electronic identifier code, `000.00.12.H21`: the same code in every portal. */
  @PrimaryKey({ type: 'string', columnType: 'text' })
  code!: string;

  @Property({ type: 'string', columnType: 'text' })
  name!: string;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  level?: Level | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  parentCode?: string | null;
}
