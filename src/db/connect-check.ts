/**
 * One connection attempt before the ORM's pool opens, so a bad DATABASE_URL ends the
 * start within the connect timeout with one line naming the problem, instead of a pool
 * retrying (or hanging on a missing password) behind the hub's back.
 */
import { Client } from 'pg';
import { APPLICATION_NAME } from './session-name';

/** Why the database cannot be used, in words an operator acts on (never the password). */
export function connectProblem(e: unknown, url: string, timeoutMs: number): string {
  const err = e as { code?: string; message?: string };
  const message = String(err?.message ?? e);
  const u = new URL(url);
  const where = `${u.hostname}:${u.port || 5432}`;
  const database = decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username);
  if (/password must be a (non-empty )?string|no password supplied/i.test(message))
    return 'the server asks for a password and DATABASE_URL has none (postgres://user:PASSWORD@host/database)';
  if (err.code === '28P01')
    return `login refused: wrong password for user "${decodeURIComponent(u.username)}"`;
  if (err.code === '28000') return `login refused: ${message}`;
  if (err.code === '3D000')
    return `database "${database}" does not exist; the hub does not create a database named in DATABASE_URL (create it, or fix the name)`;
  if (err.code === 'ECONNREFUSED') return `nothing accepts connections at ${where} (connection refused)`;
  if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') return `host "${u.hostname}" not found`;
  if (err.code === 'EHOSTUNREACH' || err.code === 'ENETUNREACH') return `host ${u.hostname} is unreachable`;
  if (/Connection terminated unexpectedly/.test(message))
    return `${where} closed the connection without answering (is it a PostgreSQL server?)`;
  if (/timeout/i.test(message))
    return `no answer from ${where} within ${Math.round(timeoutMs / 100) / 10} s (DATABASE_CONNECT_TIMEOUT)`;
  return message.split('\n')[0]!;
}

/** Connects once and runs `select 1`; throws an Error whose message is `connectProblem`. */
export async function checkConnection(url: string, timeoutMs: number): Promise<void> {
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    application_name: APPLICATION_NAME,
  });
  client.on('error', () => {});
  // A server that accepts the socket but never completes the handshake must not hang the start.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), timeoutMs + 500);
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
    throw new Error(connectProblem(e, url, timeoutMs));
  } finally {
    clearTimeout(timer);
    void client.end().catch(() => {});
  }
}
