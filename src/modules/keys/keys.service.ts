/**
 * Stored API keys: made, listed, revoked, and looked up on every request. The lookup goes
 * to the database each time (one indexed read), so a key revoked on one replica fails on
 * the next request on every replica, with no cache to invalidate.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { KeyGrant, Role } from '../../domain/roles';

export type { KeyGrant };

export interface KeyRecord extends KeyGrant {
  createdAt: Date;
  revokedAt: Date | null;
}

export class KeyError extends Error {
  constructor(
    readonly code: 'key_name_taken' | 'key_not_found' | 'bad_key_input',
    message: string,
  ) {
    super(message);
    this.name = 'KeyError';
  }
}

/** A key prefix lets secret scanners and people tell a hub key on sight. */
const PREFIX = 'thk_';

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function newKeySecret(): string {
  return `${PREFIX}${randomBytes(32).toString('base64url')}`;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

interface Row {
  name: string;
  role: Role;
  pii: boolean;
  metrics: boolean;
  agency_code: string | null;
  rate_per_minute: number | null;
  created_at: Date | string;
  revoked_at: Date | string | null;
}

function toRecord(r: Row): KeyRecord {
  return {
    name: r.name,
    role: r.role,
    pii: r.pii,
    metrics: r.metrics,
    agencyCode: r.agency_code,
    ratePerMinute: r.rate_per_minute,
    createdAt: new Date(r.created_at),
    revokedAt: r.revoked_at === null ? null : new Date(r.revoked_at),
  };
}

/** Makes a key and returns it: the only time the key itself exists outside its holder. */
export async function createKey(
  em: EntityManager,
  grant: KeyGrant,
): Promise<{ key: string; record: KeyRecord }> {
  if (!NAME.test(grant.name)) {
    throw new KeyError(
      'bad_key_input',
      `key name "${grant.name}": expected letters, digits, . _ - (1 to 64)`,
    );
  }
  if (grant.ratePerMinute !== null && !(Number.isInteger(grant.ratePerMinute) && grant.ratePerMinute > 0)) {
    throw new KeyError('bad_key_input', 'rate: expected a whole number of cost units per minute above 0');
  }
  const key = newKeySecret();
  // A revoked key's name may be given to a new key; a live one's may not.
  const rows = await em.execute<Row[]>(
    `insert into api_key (name, key_hash, role, pii, metrics, agency_code, rate_per_minute)
     values (?, ?, ?, ?, ?, ?, ?)
     on conflict (name) do update set key_hash = excluded.key_hash, role = excluded.role, pii = excluded.pii,
       metrics = excluded.metrics, agency_code = excluded.agency_code, rate_per_minute = excluded.rate_per_minute,
       created_at = now(), revoked_at = null
     where api_key.revoked_at is not null
     returning *`,
    [grant.name, hashKey(key), grant.role, grant.pii, grant.metrics, grant.agencyCode, grant.ratePerMinute],
  );
  if (!rows[0]) {
    throw new KeyError('key_name_taken', `a live key is already named "${grant.name}"; revoke it first`);
  }
  return { key, record: toRecord(rows[0]) };
}

export async function listKeys(em: EntityManager): Promise<KeyRecord[]> {
  const rows = await em.execute<Row[]>('select * from api_key order by name');
  return rows.map(toRecord);
}

/** Revokes the live key of that name; false when there is none. */
export async function revokeKey(em: EntityManager, name: string): Promise<boolean> {
  const rows = await em.execute<Row[]>(
    'update api_key set revoked_at = now() where name = ? and revoked_at is null returning name',
    [name],
  );
  return rows.length > 0;
}

/** The live key's grant, or null for an unknown or revoked key. */
export async function findLiveKey(em: EntityManager, key: string): Promise<KeyGrant | null> {
  const rows = await em.execute<Row[]>('select * from api_key where key_hash = ? and revoked_at is null', [
    hashKey(key),
  ]);
  return rows[0] ? toRecord(rows[0]) : null;
}
