import { Property } from '@mikro-orm/core';

/** Row timestamps every hub-owned table carries. */
export abstract class Timestamped {
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()', onCreate: () => new Date() })
  createdAt: Date = new Date();

  @Property({
    type: 'datetime',
    columnType: 'timestamptz',
    defaultRaw: 'now()',
    onCreate: () => new Date(),
    onUpdate: () => new Date(),
  })
  updatedAt: Date = new Date();
}

/**
 * A row the sync layer owns: written only through the batched upsert, which compares
 * `contentHash` so an unchanged record is never rewritten, and tombstones (never deletes)
 * a record a complete walk no longer sees.
 */
export abstract class SyncedRow extends Timestamped {
  @Property({ type: 'json', columnType: 'jsonb', nullable: true, lazy: true })
  raw?: unknown;

  @Property({ type: 'string', columnType: 'text' })
  contentHash!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deletedAt?: Date | null;
}
