/**
 * `hub keys create --role ROLE --name N [--pii] [--metrics] [--agency CODE] [--rate N]`,
 * `hub keys list`, `hub keys revoke --name N`. A new key is printed once, alone on the last
 * line of stdout (scripts take `| tail -1`); only its hash is stored.
 */
import { parseArgs } from 'node:util';
import type { EntityManager } from '@mikro-orm/postgresql';
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

type KeyValues = {
  role?: string;
  name?: string;
  pii?: boolean;
  metrics?: boolean;
  agency?: string;
  rate?: string;
};

function parseKeyArgs(args: string[]): { action: string | undefined; values: KeyValues } {
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
  return { action: positionals[0], values };
}

const rateOf = (values: KeyValues) => (values.rate === undefined ? null : Number(values.rate));

/** What is wrong with the command line, as the text for stderr; null when it is usable. */
function usageProblem(action: string | undefined, values: KeyValues): string | null {
  if (action !== 'create' && action !== 'list' && action !== 'revoke') return USAGE;
  if (action !== 'list' && !values.name) return `hub keys ${action}: --name is required\n\n${USAGE}`;
  if (action === 'create' && !isRole(values.role?.toUpperCase() ?? '')) {
    return `hub keys create: --role must be one of ${ROLES.join(', ')} (got ${values.role ?? 'nothing'})\n`;
  }
  const rate = rateOf(values);
  if (rate !== null && !(Number.isInteger(rate) && rate > 0)) {
    return `hub keys create: --rate must be a whole number of cost units per minute (got ${values.rate})\n`;
  }
  return null;
}

async function listCommand(em: EntityManager): Promise<number> {
  const keys = await listKeys(em);
  process.stdout.write(
    ['name\trole\tgrants\tagency\trate\tcreated\tstate', ...keys.map(describe)].join('\n'),
  );
  process.stdout.write('\n');
  return 0;
}

async function revokeCommand(em: EntityManager, name: string): Promise<number> {
  if (!(await revokeKey(em, name))) {
    process.stderr.write(`hub keys revoke: no live key is named "${name}"\n`);
    return 1;
  }
  process.stdout.write(`revoked ${name}: it fails from the next request on every replica\n`);
  return 0;
}

async function createCommand(em: EntityManager, name: string, values: KeyValues): Promise<number> {
  const { key, record } = await createKey(em, {
    name,
    role: (values.role?.toUpperCase() ?? '') as KeyRecord['role'],
    pii: Boolean(values.pii),
    metrics: Boolean(values.metrics),
    agencyCode: values.agency?.trim() || null,
    ratePerMinute: rateOf(values),
  });
  process.stdout.write(`${describe(record)}\n`);
  process.stdout.write('the key is shown once; send it as X-API-Key:\n');
  process.stdout.write(`${key}\n`);
  return 0;
}

export async function keysCommand(config: HubConfig, log: Logger, args: string[]): Promise<number> {
  const { action, values } = parseKeyArgs(args);
  const problem = usageProblem(action, values);
  if (problem !== null) {
    process.stderr.write(problem);
    return 2;
  }
  const db = await openDatabase(config, log, { migrate: true });
  try {
    const em = db.orm.em.fork();
    if (action === 'list') return await listCommand(em);
    const name = values.name as string;
    if (action === 'revoke') return await revokeCommand(em, name);
    return await createCommand(em, name, values);
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
