/**
 * `hub keys create --role ROLE --name N [--pii] [--metrics] [--agency CODE] [--rate N]`,
 * `hub keys list`, `hub keys revoke --name N`. A new key is printed once, alone on the last
 * line of stdout (scripts take `| tail -1`); only its hash is stored.
 */
import { parseArgs } from 'node:util';
import type { HubConfig } from '../config';
import { openDatabase } from '../db/database';
import type { Logger } from '../log';
import { createKey, isRole, KeyError, type KeyRecord, listKeys, ROLES, revokeKey } from '../modules/keys';

const USAGE = `usage: hub keys create --role ${ROLES.join('|')} --name NAME [--pii] [--metrics] [--agency CODE] [--rate N]
       hub keys list
       hub keys revoke --name NAME
`;

function describe(k: KeyRecord): string {
  const grants = [k.pii ? 'pii' : null, k.metrics ? 'metrics' : null].filter(Boolean).join(',') || '-';
  return [
    k.name,
    k.role,
    grants,
    k.agencyCode ?? '(province)',
    k.ratePerMinute === null ? 'default' : `${k.ratePerMinute}/min`,
    k.createdAt.toISOString(),
    k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'live',
  ].join('\t');
}

export async function keysCommand(config: HubConfig, log: Logger, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      pii: { type: 'boolean' },
      metrics: { type: 'boolean' },
      agency: { type: 'string' },
      rate: { type: 'string' },
    },
    allowPositionals: true,
  });
  const action = positionals[0];
  if (action !== 'create' && action !== 'list' && action !== 'revoke') {
    process.stderr.write(USAGE);
    return 2;
  }
  if (action !== 'list' && !values.name) {
    process.stderr.write(`hub keys ${action}: --name is required\n\n${USAGE}`);
    return 2;
  }
  const role = values.role?.toUpperCase() ?? '';
  if (action === 'create' && !isRole(role)) {
    process.stderr.write(
      `hub keys create: --role must be one of ${ROLES.join(', ')} (got ${values.role ?? 'nothing'})\n`,
    );
    return 2;
  }
  const rate = values.rate === undefined ? null : Number(values.rate);
  if (rate !== null && !(Number.isInteger(rate) && rate > 0)) {
    process.stderr.write(
      `hub keys create: --rate must be a whole number of cost units per minute (got ${values.rate})\n`,
    );
    return 2;
  }

  const db = await openDatabase(config, log, { migrate: true });
  try {
    const em = db.orm.em.fork();
    if (action === 'list') {
      const keys = await listKeys(em);
      process.stdout.write(
        ['name\trole\tgrants\tagency\trate\tcreated\tstate', ...keys.map(describe)].join('\n'),
      );
      process.stdout.write('\n');
      return 0;
    }
    const name = values.name as string;
    if (action === 'revoke') {
      if (!(await revokeKey(em, name))) {
        process.stderr.write(`hub keys revoke: no live key is named "${name}"\n`);
        return 1;
      }
      process.stdout.write(`revoked ${name}: it fails from the next request on every replica\n`);
      return 0;
    }
    const { key, record } = await createKey(em, {
      name,
      role: role as KeyRecord['role'],
      pii: Boolean(values.pii),
      metrics: Boolean(values.metrics),
      agencyCode: values.agency?.trim() || null,
      ratePerMinute: rate,
    });
    process.stdout.write(`${describe(record)}\n`);
    process.stdout.write('the key is shown once; send it as X-API-Key:\n');
    process.stdout.write(`${key}\n`);
    return 0;
  } catch (e) {
    if (e instanceof KeyError) {
      process.stderr.write(`hub keys ${action}: ${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    await db.close();
  }
}
