import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaSdl, subgraphSdl } from '../../src/graph/schema';
import { SCHEMA_FILE, SUBGRAPH_FILE } from '../../src/paths';

describe('schema/schema.graphql', () => {
  it('is what the code emits (run `npm run schema` after changing the graph)', async () => {
    const sdl = await schemaSdl();
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, sdl);
    expect(existsSync(SCHEMA_FILE), `${SCHEMA_FILE} is missing: run npm run schema`).toBe(true);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(sdl);
  });

  it('schema/subgraph.graphql is what `_service { sdl }` gives a gateway (npm run schema)', async () => {
    const sdl = await subgraphSdl();
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SUBGRAPH_FILE, sdl);
    expect(existsSync(SUBGRAPH_FILE), `${SUBGRAPH_FILE} is missing: run npm run schema`).toBe(true);
    expect(readFileSync(SUBGRAPH_FILE, 'utf8')).toBe(sdl);
    // The federation contract other subgraphs build on.
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.3"');
    for (const type of ['Procedure', 'Agency', 'Dossier'])
      expect(sdl).toMatch(new RegExp(`type ${type}\\s+@key\\(fields: "code"\\)`));
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
      // Federation: additive root fields for gateways.
      '_entities(representations: [_Any!]!): [_Entity]!',
      '_service: _Service!',
    ]) {
      expect(sdl).toContain(field);
    }
    const connection = /type ProcedureConnection \{([^}]*)\}/.exec(sdl)?.[1] ?? '';
    expect(connection).toContain('edges: [ProcedureEdge!]!');
    expect(connection).toContain('pageInfo: PageInfo!');
    expect(connection).toContain('totalCount: Int!');
    expect(sdl).toMatch(
      /enum SyncRunStatus \{\s+ABANDONED\s+FAILED\s+HELD\s+PARTIAL\s+QUEUED\s+RUNNING\s+SUCCEEDED\s+\}/,
    );
  });
});
