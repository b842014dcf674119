/** README's configuration table names every variable src/config.ts reads, and nothing it does not. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/paths';

const read = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), 'utf8');

describe("README's configuration table", () => {
  it('lists every variable the configuration reads', () => {
    const source = read('src/config.ts');
    const readNames = new Set(
      [
        ...source.matchAll(
          /\br\.(?:raw|string|optional|int|number|oneOf|flag|url|schedule|duration)\('([A-Z0-9_]+)'/g,
        ),
      ].map((m) => m[1]!),
    );
    expect(readNames.size).toBeGreaterThan(40);
    const readme = read('README.md');
    const section = readme.slice(
      readme.indexOf('## Configuration'),
      readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1),
    );
    const rows = section.split('\n').filter((l) => l.startsWith('| `'));
    const documented = new Set(
      rows.flatMap((l) => [...(l.split(' | ')[0] ?? '').matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1]!)),
    );
    const missing = [...readNames].filter((n) => !documented.has(n));
    expect(missing).toEqual([]);
    // SIM_PORT and SIM_HOST belong to `hub simulate`, read by that command.
    const commandOnly = new Set(['SIM_PORT', 'SIM_HOST']);
    const stale = [...documented].filter((n) => !readNames.has(n) && !commandOnly.has(n));
    expect(stale).toEqual([]);
  });
});
