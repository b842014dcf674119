import { existsSync } from 'node:fs';
import path from 'node:path';

/** The project's root (where package.json is), from src/ in tests or dist/src/ when built. */
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

export const PROJECT_ROOT = findRoot(__dirname);
export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');
/** What the graph's `_service { sdl }` gives a federation gateway. */
export const SUBGRAPH_FILE = path.join(PROJECT_ROOT, 'schema', 'subgraph.graphql');
