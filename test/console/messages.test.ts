import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSOLE_DIR } from '../../src/console/build/inputs';

const I18N = path.join(CONSOLE_DIR, 'app', 'i18n');
const load = (lang: string) =>
  JSON.parse(readFileSync(path.join(I18N, `${lang}.json`), 'utf8')) as Record<string, string>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(path.join(dir, e.name))
      : /\.tsx?$/.test(e.name)
        ? [path.join(dir, e.name)]
        : [],
  );
}

describe('the console message files', () => {
  const vi = load('vi');
  const en = load('en');

  it('have the same keys in Vietnamese and English, none empty, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [key, text] of Object.entries(vi)) {
      expect(text.trim(), key).not.toBe('');
      expect(en[key]!.trim(), key).not.toBe('');
      const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(vars(en[key]!), key).toEqual(vars(text));
    }
  });

  it('hold every literal key the code asks for', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(path.join(CONSOLE_DIR, 'app'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((k) => !(k in vi))).toEqual([]);
  });
});
