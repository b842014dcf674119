import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILE, generateConsoleTypes } from '../../src/console/build/codegen';

describe('the console documents typed from schema/schema.graphql', () => {
  it('match the committed generated.ts (run `npm run console:codegen` after changing either)', async () => {
    const fresh = await generateConsoleTypes();
    expect(readFileSync(GENERATED_FILE, 'utf8') === fresh, 'generated.ts is out of date').toBe(true);
  });
});
