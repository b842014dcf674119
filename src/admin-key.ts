/**
 * The bootstrap ADMIN key: HUB_ADMIN_KEY when set; in simulated mode without it, one made
 * on first start and kept (mode 0600) under the data folder so it survives restarts.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HubConfig } from './config';
import { HubError } from './domain/errors';

export function resolveAdminKey(config: HubConfig): { key: string; generated: boolean; file: string | null } {
  if (config.adminKey) return { key: config.adminKey, generated: false, file: null };
  if (!config.simulate) {
    throw new HubError(
      'admin_key_missing',
      'HUB_ADMIN_KEY is not set: expected a long random key (only simulated mode makes one itself)',
    );
  }
  const file = path.resolve(config.dataDir, 'admin-key');
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim();
    if (key) return { key, generated: false, file };
  }
  const key = `hub_${randomBytes(24).toString('base64url')}`;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { key, generated: true, file };
}
