/** Stored API keys for tests, made as `hub keys create` makes them (no grants unless given). */
import { createKey, type KeyGrant } from '../../src/modules/keys';
import type { TestDatabase } from './db';

export async function makeKey(
  db: TestDatabase,
  grant: Pick<KeyGrant, 'name' | 'role'> & Partial<KeyGrant>,
): Promise<string> {
  const { key } = await createKey(db.orm.em.fork(), {
    pii: false,
    metrics: false,
    agencyCode: null,
    ratePerMinute: null,
    ...grant,
  });
  return key;
}
