/**
 * The README's role × root-field table is the contract: every root field of the schema is
 * in it, nothing else is, and the guard enforces exactly what it says.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../src/graph/auth';
import { measureOperation } from '../../../src/graph/limits';
import { enforceAccess } from '../../../src/graph/limits/access-check';
import { hubSchema } from '../../../src/graph/schema';
import { ROLES, type Role } from '../../../src/modules/keys';
import { PROJECT_ROOT } from '../../../src/paths';

function readmeTable(): Map<string, Set<Role>> {
  const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
  const block = /<!-- roles:start -->([\s\S]*?)<!-- roles:end -->/.exec(readme)?.[1];
  if (!block)
    throw new Error('README.md has no roles table between <!-- roles:start --> and <!-- roles:end -->');
  const lines = block.trim().split('\n');
  const header = lines[0]!
    .split('|')
    .map((c) => c.trim())
    .filter(Boolean);
  expect(header).toEqual(['root field', ...ROLES]);
  const table = new Map<string, Set<Role>>();
  for (const line of lines.slice(2)) {
    const cells = line
      .split('|')
      .map((c) => c.trim())
      .slice(1, -1);
    const field = /^(mutation )?`(\w+)`$/.exec(cells[0]!);
    if (!field) throw new Error(`README roles table: cannot read the row "${line}"`);
    const key = `${field[1] ? 'Mutation' : 'Query'}.${field[2]}`;
    table.set(key, new Set(ROLES.filter((_, i) => cells[i + 1] === '✓')));
  }
  return table;
}

const principal = (role: Role): Principal => ({
  name: `test-${role}`,
  role,
  pii: false,
  metrics: false,
  agency: null,
  ratePerMinute: null,
  via: 'key',
});

describe("README's roles table", () => {
  it('lists exactly the root fields of the schema', async () => {
    const schema = await hubSchema();
    const fields = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((f) => `Mutation.${f}`),
    ].sort();
    expect(
      [...readmeTable().keys()].sort(),
      'add a row to the README roles table for each new root field',
    ).toEqual(fields);
  });

  it('says what the guard enforces, for every role and root field', async () => {
    const schema = await hubSchema();
    for (const [key, allowed] of readmeTable()) {
      const [kind, field] = key.split('.') as ['Query' | 'Mutation', string];
      const document = parse(`${kind === 'Mutation' ? 'mutation' : 'query'} { ${field} }`);
      const operation = document.definitions[0] as Parameters<typeof measureOperation>[2];
      const measure = measureOperation(schema, document, operation, {}, 1000);
      for (const role of ROLES) {
        let refused = false;
        try {
          enforceAccess(principal(role), measure);
        } catch (e) {
          refused = (e as { extensions?: { code?: string } }).extensions?.code === 'FORBIDDEN';
        }
        expect(refused, `${key} for ${role}`).toBe(!allowed.has(role));
      }
    }
  });
});
