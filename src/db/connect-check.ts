/**
 * One connection attempt before the ORM's pool opens, so a bad DATABASE_URL ends the
 * start within the connect timeout with one line naming the problem, instead of a pool
 * retrying (or hanging on a missing password) behind the hub's back.
 */
import { HubError } from '../domain/errors';
import { closeClient, openClient } from './pg-client';

/** What the attempt itself saw, so no error message has to be read to tell the cases apart. */
export interface AttemptSeen {
  /** Our own deadline passed (the server accepted the socket and never finished the handshake). */
  timedOut: boolean;
  /** The server asked for a password (pg called the password hook). */
  passwordAsked: boolean;
  /** DATABASE_URL carries a password. */
  hasPassword: boolean;
  /** The connection ended before the attempt succeeded. */
  ended: boolean;
}

/** Why the database cannot be used, in words an operator acts on (never the password). */
export function connectProblem(e: unknown, url: string, timeoutMs: number, seen: AttemptSeen): string {
  const code = (e as { code?: unknown } | null)?.code;
  const u = new URL(url);
  const where = `${u.hostname}:${u.port || 5432}`;
  const database = decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username);
  if (seen.timedOut)
    return `no answer from ${where} within ${Math.round(timeoutMs / 100) / 10} s (DATABASE_CONNECT_TIMEOUT)`;
  if (seen.passwordAsked && !seen.hasPassword)
    return 'the server asks for a password and DATABASE_URL has none (postgres://user:PASSWORD@host/database)';
  const problem = typeof code === 'string' ? problemOfCode(code, u, where, database) : null;
  if (problem) return problem;
  if (code === '28000') return `login refused: ${firstLine(e)}`;
  if (seen.ended && code === undefined)
    return `${where} closed the connection without answering (is it a PostgreSQL server?)`;
  return firstLine(e);
}

/** PostgreSQL's SQLSTATE codes and Node's socket codes the operator can act on. */
function problemOfCode(code: string, u: URL, where: string, database: string): string | null {
  switch (code) {
    case '28P01':
      return `login refused: wrong password for user "${decodeURIComponent(u.username)}"`;
    case '3D000':
      return `database "${database}" does not exist; the hub does not create a database named in DATABASE_URL (create it, or fix the name)`;
    case 'ECONNREFUSED':
      return `nothing accepts connections at ${where} (connection refused)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `host "${u.hostname}" not found`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `host ${u.hostname} is unreachable`;
    default:
      return null;
  }
}

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0]!;
}

/** Connects once and runs `select 1`; throws an Error whose message is `connectProblem`. */
export async function checkConnection(url: string, timeoutMs: number): Promise<void> {
  const client = openClient({ connectionString: url });
  const given = client.password;
  const seen: AttemptSeen = {
    timedOut: false,
    passwordAsked: false,
    hasPassword: Boolean(given),
    ended: false,
  };
  // Asked only when the server wants a password: how a missing one is told from other refusals.
  (client as { password?: unknown }).password = async () => {
    seen.passwordAsked = true;
    return given;
  };
  client.on('end', () => {
    seen.ended = true;
  });
  // A server that accepts the socket but never completes the handshake must not hang the start.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      seen.timedOut = true;
      reject(new HubError('database_connect_timeout', 'no answer in time'));
    }, timeoutMs);
  });
  try {
    await Promise.race([
      (async () => {
        await client.connect();
        await client.query('select 1');
      })(),
      deadline,
    ]);
  } catch (e) {
    throw new Error(connectProblem(e, url, timeoutMs, seen));
  } finally {
    clearTimeout(timer);
    void closeClient(client);
  }
}
