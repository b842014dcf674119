import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { SyncedRow } from '../../db/base.entity';
import type { Level } from '../../domain/model';

/** An agency as iGate lists it (upstream-apis.md §2 "Agencies"), its parent resolved to a code. */
@Entity({ tableName: 'igate_agency' })
export class IgateAgency extends SyncedRow {
  /** Electronic identifier code, `000.00.12.H21`: the same code in every portal. */
  @PrimaryKey({ type: 'string', columnType: 'text' })
  code!: string;

  /** iGate's own id: parents are named by it. */
  @Property({ type: 'string', columnType: 'text', nullable: true })
  externalId?: string | null;

  @Property({ type: 'string', columnType: 'text' })
  name!: string;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  level?: Level | null;

  @Index()
  @Property({ type: 'string', columnType: 'text', nullable: true })
  parentCode?: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  parentExternalId?: string | null;
}
