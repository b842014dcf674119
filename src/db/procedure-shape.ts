import { ArrayType, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { ChannelTerms, CodeName, FieldIssue, LegalBasis, Level } from '../domain/model';
import { SyncedRow } from './base.entity';

/**
 * The columns a national procedure record and a provincial listing share, in one
 * normalized shape, so the consistency checks compare like with like.
 */
export abstract class ProcedureShape extends SyncedRow {
  @PrimaryKey({ type: 'string', columnType: 'text' })
  code!: string;

  @Property({ type: 'string', columnType: 'text' })
  name!: string;

  /** Code and name folded (no diacritics, lower case): what `search` matches. */
  @Property({ type: 'string', columnType: 'text', lazy: true })
  searchText!: string;

  @Index({ type: 'gin' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  levels: Level[] = [];

  /** Implementing agencies' codes (indexed) and names. */
  @Index({ type: 'gin' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  agencyCodes: string[] = [];

  @Property({ type: 'json', columnType: 'jsonb' })
  agencies: CodeName[] = [];

  /** Processing times and fees per channel. */
  @Property({ type: 'json', columnType: 'jsonb' })
  channels: ChannelTerms[] = [];

  @Property({ type: 'json', columnType: 'jsonb' })
  legalBases: LegalBasis[] = [];

  /** When the portal last changed the record. */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  sourceUpdatedAt!: Date;

  /** Fields the mapper could not read; the rest of the record is kept. */
  @Property({ type: 'json', columnType: 'jsonb' })
  issues: FieldIssue[] = [];
}
