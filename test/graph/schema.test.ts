import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaSdl } from '../../src/graph/schema';
import { SCHEMA_FILE } from '../../src/paths';

describe('schema/schema.graphql', () => {
  it('is what the code emits (run `npm run schema` after changing the graph)', async () => {
    const sdl = await schemaSdl();
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, sdl);
    expect(existsSync(SCHEMA_FILE), `${SCHEMA_FILE} is missing: run npm run schema`).toBe(true);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(sdl);
  });

  it('has the root fields and conventions other systems depend on', async () => {
    const sdl = await schemaSdl();
    for (const field of [
      'procedures(',
      'procedure(',
      'agencies(',
      'agency(',
      'syncRuns(',
      'sources:',
      'quarantinedRecords(',
      'runSync(',
      'confirmDeletions(',
    ]) {
      expect(sdl).toContain(field);
    }
    const connection = /type ProcedureConnection \{([^}]*)\}/.exec(sdl)?.[1] ?? '';
    expect(connection).toContain('edges: [ProcedureEdge!]!');
    expect(connection).toContain('pageInfo: PageInfo!');
    expect(connection).toContain('totalCount: Int!');
    expect(sdl).toMatch(
      /enum SyncRunStatus \{\s+ABANDONED\s+FAILED\s+HELD\s+PARTIAL\s+RUNNING\s+SUCCEEDED\s+\}/,
    );
  });
});
