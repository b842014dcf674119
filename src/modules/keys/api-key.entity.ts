import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * A stored API key. Only the SHA-256 of the key is kept: keys are 256 random bits, so a
 * plain hash is enough (no salt or slow hash needed, unlike passwords), and a stolen
 * table gives nobody a working key. A revoked key keeps its row for the audit trail.
 */
@Entity({ tableName: 'api_key' })
export class ApiKey {
  @PrimaryKey({ type: 'string', columnType: 'text' })
  name!: string;

  @Unique()
  @Property({ type: 'string', columnType: 'text' })
  keyHash!: string;

  /** VIEWER, AUDITOR, INTEGRATOR or ADMIN (src/modules/keys/roles.ts). */
  @Property({ type: 'string', columnType: 'text' })
  role!: string;

  /** Sees personal data unmasked. */
  @Property({ type: 'boolean', default: false })
  pii = false;

  /** May read /metrics. */
  @Property({ type: 'boolean', default: false })
  metrics = false;

  /** Limited to this agency and the agencies under it; null for the whole province. */
  @Property({ type: 'string', columnType: 'text', nullable: true })
  agencyCode?: string | null;

  /** Cost units per minute; null for the hub's default. */
  @Property({ type: 'integer', nullable: true })
  ratePerMinute?: number | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
