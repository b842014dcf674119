import { ArrayType, Entity, Index, Property } from '@mikro-orm/core';
import { ProcedureShape } from '../../db/procedure-shape';
import type { CodeName, Decision } from '../../domain/model';

/**
 * One procedure as the national database (CSDLQG TTHC) publishes it for the province.
 * `sourceUpdatedAt` is its NGAYCAPNHAT.
 */
@Entity({ tableName: 'national_procedure' })
@Index({ properties: ['sourceUpdatedAt'] })
// The catalogue's byte order (Migration20261201090000_graph_indexes).
@Index({
  name: 'national_procedure_code_c_index',
  expression: `create index "national_procedure_code_c_index" on "national_procedure" ("code" collate "C") where "deleted_at" is null`,
})
// A live procedure's name by code from the index alone (Migration20261201160000_prefetch_covering).
@Index({
  name: 'national_procedure_live_code_name_index',
  expression: `create index "national_procedure_live_code_name_index" on "national_procedure" ("code") include ("name") where "deleted_at" is null`,
})
export class NationalProcedure extends ProcedureShape {
  @Property({ type: 'string', columnType: 'text', nullable: true })
  externalId?: string | null;

  @Property({ type: 'integer', nullable: true })
  procedureType?: number | null;

  @Property({ type: 'boolean' })
  inForce!: boolean;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  abolishedAt?: Date | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  publishingAgencyCode?: string | null;

  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  decision?: Decision | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  decisionDate?: Date | null;

  @Index({ type: 'gin' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  sectorCodes: string[] = [];

  @Property({ type: 'json', columnType: 'jsonb' })
  sectors: CodeName[] = [];

  @Property({ type: 'json', columnType: 'jsonb' })
  subjects: CodeName[] = [];

  @Property({ type: 'json', columnType: 'jsonb' })
  documents: unknown[] = [];

  @Property({ type: 'json', columnType: 'jsonb' })
  results: CodeName[] = [];

  @Property({ type: 'string', columnType: 'text', nullable: true })
  requirements?: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  description?: string | null;
}
