import { ArrayType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Names and document numbers of national records and listings, normalized in Node by
 * src/domain/text.ts (NFC, Unicode whitespace, Vietnamese upper case): PostgreSQL's own
 * normalize() and upper() depend on the database's encoding and locale, so the SQL checks
 * compare these columns instead. Refreshed at the start of each run for rows whose
 * content hash changed.
 */
@Entity({ tableName: 'check_text' })
export class CheckText {
  /** `national_procedure` or `provincial_listing`. */
  @PrimaryKey({ type: 'string', columnType: 'text' })
  source!: string;

  @PrimaryKey({ type: 'string', columnType: 'text' })
  code!: string;

  @Property({ type: 'string', columnType: 'text' })
  contentHash!: string;

  /** normalizeText(name). */
  @Property({ type: 'string', columnType: 'text' })
  name!: string;

  /** foldDiacritics(normalizeText(name)): equal folds make a name finding LOW. */
  @Property({ type: 'string', columnType: 'text' })
  nameFolded!: string;

  /** Distinct normalizeDocNumber(legal basis number), sorted. */
  @Property({ type: ArrayType, columnType: 'text[]' })
  docNumbers: string[] = [];
}
