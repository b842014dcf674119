/**
 * `npm start`'s prestart: brings dist/ up to date, skipping every step whose inputs did not
 * change since it last ran. Even an incremental `tsc` spends many seconds loading the
 * program just to find nothing to do; comparing file sizes and times takes milliseconds.
 * Plain Node, no TypeScript, no dependencies: it runs before anything is built.
 *
 * A step: its inputs (files or folders), an output that must exist, and the command. Add
 * a step to STEPS to hook another build in; `--force` runs them all.
 */
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const STAMPS = path.join(ROOT, 'dist', '.prestart');

/** `npm run <script>` through the npm running this script (npm_execpath), else the one on PATH. */
function npmRun(script) {
  const npm = process.env.npm_execpath;
  return npm ? [process.execPath, npm, 'run', script] : ['npm', 'run', script];
}

const STEPS = [
  {
    name: 'server',
    inputs: ['src', 'connectors', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    skip: ['src/console'],
    output: 'dist/src/cli.js',
    command: [
      process.execPath,
      require.resolve('typescript/bin/tsc', { paths: [ROOT] }),
      '-p',
      'tsconfig.build.json',
    ],
  },
  {
    name: 'console',
    inputs: ['src/console', 'package-lock.json'],
    skip: [],
    output: 'dist/console',
    command: npmRun('console:build'),
  },
];

/** Every file under the inputs, with its size and modification time. */
function fingerprint(step) {
  const hash = createHash('sha1');
  const skip = new Set(step.skip.map((s) => path.join(ROOT, s)));
  const visit = (file) => {
    if (skip.has(file) || path.basename(file) === 'node_modules') return;
    let st;
    try {
      st = statSync(file);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const entry of readdirSync(file).sort()) visit(path.join(file, entry));
    } else {
      hash.update(`${path.relative(ROOT, file)}\0${st.size}\0${st.mtimeMs}\n`);
    }
  };
  for (const input of step.inputs) visit(path.join(ROOT, input));
  return hash.digest('hex');
}

function main() {
  const force = process.argv.includes('--force');
  mkdirSync(STAMPS, { recursive: true });
  for (const step of STEPS) {
    const started = Date.now();
    const stamp = path.join(STAMPS, step.name);
    const print = fingerprint(step);
    const current =
      !force &&
      existsSync(path.join(ROOT, step.output)) &&
      existsSync(stamp) &&
      readFileSync(stamp, 'utf8').trim() === print;
    if (current) {
      process.stderr.write(`prestart: ${step.name} is up to date (${Date.now() - started} ms)\n`);
      continue;
    }
    const [command, ...args] = step.command;
    const run = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
    if (run.status !== 0) {
      process.stderr.write(`prestart: ${step.name} failed\n`);
      return run.status ?? 1;
    }
    // The inputs as they were when the step began: a change during the build reruns it next time.
    writeFileSync(stamp, `${print}\n`);
    process.stderr.write(`prestart: built ${step.name} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  return 0;
}

process.exitCode = main();
