/**
 * The operations listener (METRICS_PORT): /healthz, /readyz and /metrics without a key,
 * bound to loopback only, so a scraper or probe on the same host (a sidecar, the container's
 * healthcheck) reads them while nothing from the network can. Every role starts it when the
 * port is set; it is a worker's only HTTP.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../log';
import type { Readiness } from './readiness';

export interface OpsEndpoints {
  readiness: Readiness;
  /** The exposition text and its content type. */
  metrics(): Promise<{ contentType: string; body: string }>;
}

export const LOOPBACK = '127.0.0.1';

/** Answers /healthz, /readyz and /metrics; false for any other path (the caller answers it). */
export async function serveOps(url: URL, res: ServerResponse, ops: OpsEndpoints): Promise<boolean> {
  if (url.pathname === '/healthz') {
    sendJson(res, 200, { status: 'ok' });
    return true;
  }
  if (url.pathname === '/readyz') {
    const { status, body } = await ops.readiness.report();
    sendJson(res, status, body);
    return true;
  }
  if (url.pathname === '/metrics') {
    const { contentType, body } = await ops.metrics();
    res.writeHead(200, { 'content-type': contentType });
    res.end(body);
    return true;
  }
  return false;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

export async function startOpsServer(deps: {
  port: number;
  host?: string;
  ops: OpsEndpoints;
  log: Logger;
}): Promise<OpsServer> {
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    serveOps(url, res, deps.ops)
      .then((served) => {
        if (!served)
          sendJson(res, 404, { error: 'not found: this listener serves /healthz, /readyz and /metrics' });
      })
      .catch((e) => {
        deps.log.error(
          { event: 'ops_error', path: url.pathname, err: { message: String(e?.message ?? e) } },
          'ops request failed',
        );
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.port, deps.host ?? LOOPBACK, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  deps.log.info(
    { event: 'ops_listening', host: deps.host ?? LOOPBACK, port },
    'metrics and readiness listener',
  );
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
