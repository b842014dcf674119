import { ArrayType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type {
  ChannelTerms,
  CodeName,
  Decision,
  FieldIssue,
  LegalBasis,
  Level,
} from '../../../connectors/kit/model';
import { SyncedRow } from '../../db/base.entity';

/** One procedure as the national database (CSDLQG TTHC) publishes it for the province. */
@Entity({ tableName: 'national_procedure' })
@Index({ properties: ['sourceUpdatedAt'] })
export class NationalProcedure extends SyncedRow {
  @PrimaryKey({ type: 'string', columnType: 'text' })
  code!: string;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  externalId?: string | null;

  @Property({ type: 'string', columnType: 'text' })
  name!: string;

  /** Code and name folded (no diacritics, lower case): what `search` matches. */
  @Property({ type: 'string', columnType: 'text', lazy: true })
  searchText!: string;

  @Property({ type: 'integer', nullable: true })
  procedureType?: number | null;

  @Property({ type: 'boolean' })
  inForce!: boolean;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  abolishedAt?: Date | null;

  /** NGAYCAPNHAT: when the national database last changed the record. */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  sourceUpdatedAt!: Date;

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

  @Index({ type: 'gin' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  levels: Level[] = [];

  @Index({ type: 'gin' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  agencyCodes: string[] = [];

  @Property({ type: 'json', columnType: 'jsonb' })
  agencies: CodeName[] = [];

  @Property({ type: 'json', columnType: 'jsonb' })
  subjects: CodeName[] = [];

  @Property({ type: 'json', columnType: 'jsonb' })
  channels: ChannelTerms[] = [];

  @Property({ type: 'json', columnType: 'jsonb' })
  documents: unknown[] = [];

  @Property({ type: 'json', columnType: 'jsonb' })
  results: CodeName[] = [];

  @Property({ type: 'json', columnType: 'jsonb' })
  legalBases: LegalBasis[] = [];

  @Property({ type: 'string', columnType: 'text', nullable: true })
  requirements?: string | null;

  @Property({ type: 'string', columnType: 'text', nullable: true })
  description?: string | null;

  /** Fields the mapper could not read; the rest of the record is kept. */
  @Property({ type: 'json', columnType: 'jsonb' })
  issues: FieldIssue[] = [];
}
