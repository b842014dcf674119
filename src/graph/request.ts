/**
 * HTTP-side helpers of a graph request: its id, errors answered before Apollo runs (no key,
 * body too large, batch too long), and the request id stamped on every error.
 */
import { randomUUID } from 'node:crypto';

const CLIENT_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** The caller's X-Request-Id when it looks like one (a gateway's), else a new one. */
export function requestIdOf(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && CLIENT_ID.test(given) ? given : randomUUID();
}

export function errorBody(
  code: string,
  message: string,
  requestId: string,
  extra: Record<string, unknown> = {},
) {
  return { errors: [{ message, extensions: { code, ...extra, requestId } }] };
}

/**
 * Adds extensions.requestId to each error of a JSON response (a single result or a batch).
 * Only bodies that have errors are parsed; others pass as they are.
 */
export function stampRequestId(body: string, requestId: string): string {
  if (!body.includes('"errors"')) return body;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  const stamp = (result: unknown) => {
    const errors = (result as { errors?: { extensions?: Record<string, unknown> }[] } | null)?.errors;
    if (Array.isArray(errors)) for (const e of errors) e.extensions = { ...e.extensions, requestId };
  };
  if (Array.isArray(parsed)) parsed.forEach(stamp);
  else stamp(parsed);
  return JSON.stringify(parsed);
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Whether the peer is this machine (the simulated mode's GraphiQL gets the key only then). */
export function isLoopback(remoteAddress: string | undefined): boolean {
  return LOOPBACK.has(remoteAddress ?? '');
}
