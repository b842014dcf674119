import { ArrayType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type {
  ChannelTerms,
  CodeName,
  FieldIssue,
  LegalBasis,
  Level,
  OnlineLevel,
} from '../../../connectors/kit/model';
import { SyncedRow } from '../../db/base.entity';

/**
 * A procedure as the province publishes it on iGate (upstream-apis.md §2), in the same
 * normalized shape as `national_procedure` so the checks compare like with like.
 */
@Entity({ tableName: 'provincial_listing' })
@Index({ properties: ['sourceUpdatedAt'] })
export class ProvincialListing extends SyncedRow {
  /** The listing's own code, `2.000477.000.00.00.H21`. */
  @PrimaryKey({ type: 'string', columnType: 'text' })
  code!: string;

  @Property({ type: 'string', columnType: 'text' })
  externalId!: string;

  /** `nationCode`, or the first two groups of `code` when iGate sent none. */
  @Index()
  @Property({ type: 'string', columnType: 'text' })
  nationalCode!: string;

  @Property({ type: 'boolean' })
  nationalCodeInferred!: boolean;

  @Property({ type: 'string', columnType: 'text' })
  name!: string;

  /** Code and name folded (no diacritics, lower case): what `search` matches. */
  @Property({ type: 'string', columnType: 'text', lazy: true })
  searchText!: string;

  @Index()
  @Property({ type: 'string', columnType: 'text', nullable: true })
  sectorCode?: string | null;

  @Property({ type: 'json', columnType: 'jsonb', nullable: true })
  sector?: CodeName | null;

  @Index({ type: 'gin' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  levels: Level[] = [];

  @Index({ type: 'gin' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  agencyCodes: string[] = [];

  @Property({ type: 'json', columnType: 'jsonb' })
  agencies: CodeName[] = [];

  @Property({ type: 'json', columnType: 'jsonb' })
  channels: ChannelTerms[] = [];

  @Property({ type: 'string', columnType: 'text', nullable: true })
  onlineLevel?: OnlineLevel | null;

  @Property({ type: 'json', columnType: 'jsonb' })
  legalBases: LegalBasis[] = [];

  @Property({ type: 'string', columnType: 'text', nullable: true })
  decisionNumber?: string | null;

  /** The province's publication decision (quyết định công bố). */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  decisionDate?: Date | null;

  /** `status` 1; 0 means withdrawn by the province. */
  @Property({ type: 'boolean' })
  active!: boolean;

  /** `updatedDate` on iGate. */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  sourceUpdatedAt!: Date;

  /** Fields the mapper could not read; the rest of the record is kept. */
  @Property({ type: 'json', columnType: 'jsonb' })
  issues: FieldIssue[] = [];
}
