/** Starts the hub's graph in a child process (see hub-process.ts), optionally under --cpu-prof. */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

export const BENCH_KEY = 'bench-admin-key-0123456789';

export interface ChildServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Waits for the child's `ready <url>` line; everything else it prints goes to `onLine`
 * when given (and handled there), else to stderr.
 */
export async function readyUrl(
  child: ChildProcess,
  what: string,
  onLine?: (line: string) => boolean,
): Promise<string> {
  const lines = createInterface({ input: child.stdout! });
  return new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}) before it was ready`)));
    lines.on('line', (line) => {
      if (line.startsWith('ready ')) resolve(line.slice(6).trim());
      else if (!onLine?.(line)) process.stderr.write(`[${what}] ${line}\n`);
    });
  });
}

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.stdin?.end();
  });
}

export interface HubMemory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
}

export interface HubChild extends ChildServer {
  /** The process's memory after a full collection. */
  memory(): Promise<HubMemory>;
}

/** `node`: the runtime to run it on (the benchmark's own by default). */
export async function startHubChild(
  dbUrl: string,
  cpuProfDir?: string,
  node: string = process.execPath,
): Promise<HubChild> {
  const args = [
    ...(cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfDir] : []),
    // Only for memory(): a collection before reading, so figures are live memory, not garbage.
    '--expose-gc',
    '-r',
    '@swc-node/register',
    path.join(__dirname, 'hub-process.ts'),
    dbUrl,
  ];
  const child = spawn(node, args, {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', BENCH_KEY },
  });
  const waiting: ((m: HubMemory) => void)[] = [];
  const url = await readyUrl(child, 'hub', (line) => {
    if (!line.startsWith('mem ')) return false;
    waiting.shift()?.(JSON.parse(line.slice(4)) as HubMemory);
    return true;
  });
  return {
    url,
    pid: child.pid!,
    stop: () => stopChild(child),
    memory: () =>
      new Promise<HubMemory>((resolve) => {
        waiting.push(resolve);
        child.stdin!.write('mem\n');
      }),
  };
}
