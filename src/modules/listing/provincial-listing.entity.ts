import { Entity, Index, Property } from '@mikro-orm/core';
import { ProcedureShape } from '../../db/procedure-shape';
import type { CodeName, OnlineLevel } from '../../domain/model';

/**
 * A procedure as the province publishes it on iGate (upstream-apis.md §2), in the same
 * normalized shape as `national_procedure` so the checks compare like with like. `code` is
 * the listing's own code (`2.000477.000.00.00.H21`); `sourceUpdatedAt` is iGate's `updatedDate`.
 */
@Entity({ tableName: 'provincial_listing' })
@Index({ properties: ['sourceUpdatedAt'] })
// The catalogue's byte order for listing-only codes (Migration20261201090000_graph_indexes).
@Index({
  name: 'provincial_listing_live_national_code_c_index',
  expression: `create index "provincial_listing_live_national_code_c_index" on "provincial_listing" ("national_code" collate "C") where "active" and "deleted_at" is null`,
})
// A procedure's live listings in code order from the index alone (Migration20261201160000_prefetch_covering).
@Index({
  name: 'provincial_listing_live_national_code_code_index',
  expression: `create index "provincial_listing_live_national_code_code_index" on "provincial_listing" ("national_code", "code") include ("name") where "deleted_at" is null`,
})
export class ProvincialListing extends ProcedureShape {
  @Property({ type: 'string', columnType: 'text' })
  externalId!: string;

  /** `nationCode`, or the first two groups of `code` when iGate sent none. */
  @Index()
  @Property({ type: 'string', columnType: 'text' })
  nationalCode!: string;

  @Property({ type: 'boolean' })
  nationalCodeInferred!: boolean;

  @Index()
  @Property({ type: 'string', columnType: 'text', nullable: true })
  sectorCode?: string | null;

  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  sector?: CodeName | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  onlineLevel?: OnlineLevel | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  decisionNumber?: string | null;

  /** The province's publication decision (quyết định công bố). */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  decisionDate?: Date | null;

  /** `status` 1; 0 means withdrawn by the province. */
  @Property({ type: 'boolean' })
  active!: boolean;
}
