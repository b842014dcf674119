/**
 * What the console's build depends on, as one hash: a clone's checkout gives every file a
 * new mtime, so content (not time) decides whether dist/console is up to date.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const CONSOLE_DIR = path.resolve(__dirname, '..');
export const PROJECT_ROOT = path.resolve(CONSOLE_DIR, '..', '..');
export const CONSOLE_OUT = path.join(PROJECT_ROOT, 'dist', 'console');
export const STAMP_FILE = path.join(CONSOLE_OUT, '.inputs.sha256');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

export function consoleInputFiles(): string[] {
  return [
    ...filesUnder(path.join(CONSOLE_DIR, 'app')),
    path.join(CONSOLE_DIR, 'build', 'vite.config.mts'),
    path.join(PROJECT_ROOT, 'package-lock.json'),
  ];
}

export function consoleInputsHash(): string {
  const hash = createHash('sha256');
  for (const file of consoleInputFiles()) {
    hash.update(path.relative(PROJECT_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** True when dist/console was built from exactly the current inputs. */
export function consoleBuildIsCurrent(): boolean {
  if (!existsSync(path.join(CONSOLE_OUT, 'index.html')) || !existsSync(STAMP_FILE)) return false;
  return readFileSync(STAMP_FILE, 'utf8').trim() === consoleInputsHash();
}
