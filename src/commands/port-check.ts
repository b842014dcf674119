/**
 * Whether `hub serve` can listen, asked before it starts anything (database, simulators,
 * syncs): a busy port then costs nothing to undo. The real listen can still lose a race;
 * serve undoes what it started in that case too.
 */
import { createServer } from 'node:net';

export async function portProblem(port: number, host: string): Promise<string | null> {
  if (port === 0) return null;
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) => resolve(listenProblem(e, port, host)));
    probe.listen(port, host, () => probe.close(() => resolve(null)));
  });
}

export function listenProblem(e: NodeJS.ErrnoException, port: number, host: string): string {
  if (e.code === 'EADDRINUSE')
    return `port ${port} on ${host} is already in use (another hub serve? set PORT)`;
  if (e.code === 'EACCES') return `no permission to listen on port ${port} (use a port above 1023, set PORT)`;
  if (e.code === 'EADDRNOTAVAIL') return `${host} is not an address of this machine (set HOST)`;
  return e.message;
}
