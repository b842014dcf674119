/** Runs the real `hub` command in a child process, from the TypeScript sources. */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';

export interface HubProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  /** Waits until stdout or stderr contains the text. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
}

export function spawnHub(args: string[], env: Record<string, string>): HubProcess {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', path.join(PROJECT_ROOT, 'src', 'cli.ts'), ...args],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, LOG_LEVEL: 'info', ...env, VITEST: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout?.on('data', (c) => {
    out += c;
  });
  child.stderr?.on('data', (c) => {
    err += c;
  });
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async waitFor(text, timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      const hit = () => (typeof text === 'string' ? (out + err).includes(text) : text.test(out + err));
      while (!hit()) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${text}; stderr: ${err.slice(-2000)}`);
        if (child.exitCode !== null)
          throw new Error(`hub exited (${child.exitCode}) before ${text}: ${err.slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}
