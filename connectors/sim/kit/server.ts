/**
 * A tiny node:http server for the simulators: JSON routes, an in-flight limit answered
 * with 429, the transport faults of faults.ts, request counters for tests, and a close
 * that ends every open connection and pending slow response.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  FaultInjector,
  type FaultKind,
  type FaultOptions,
  faultOptionsFromEnv,
  TRANSPORT_FAULTS,
} from './faults';

export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** JSON or form body as an object; undefined when there is none. */
  body: unknown;
  /** A protocol fault the route must apply to this request (it declared it could). */
  fault: FaultKind | null;
}

export interface SimResponse {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface SimRoute {
  method: 'GET' | 'POST';
  path: string;
  /** The protocol faults this request can carry; the handler applies the one drawn. */
  faults?: (request: SimRequest) => readonly FaultKind[];
  handle(request: SimRequest): SimResponse | Promise<SimResponse>;
}

export interface SimStats {
  requests: number;
  /** Requests per route key (`POST /api/service`), faulted ones included. */
  byRoute: Record<string, number>;
  /** Requests answered 429 because too many were in flight (not an injected fault). */
  throttled: number;
  inFlight: number;
  /** Highest number of requests in flight at once: shows whether a client kept its limit. */
  peakInFlight: number;
  /** Injected faults per kind. */
  faults: Record<FaultKind, number>;
}

export interface SimServerOptions {
  routes: SimRoute[];
  port?: number;
  host?: string;
  faults?: FaultInjector | FaultOptions;
  /** More requests than this in flight at once get 429 with Retry-After. */
  maxInFlight?: number;
}

export interface SimServer {
  url: string;
  stats: SimStats;
  faults: FaultInjector;
  close(): Promise<void>;
}

/** How every portal simulator listens; each simulator's options extend it. */
export interface PortalListenOptions {
  port?: number;
  host?: string;
  /** Default: from the environment (`SIM_FAULT_RATE`, `SIM_FAULTS`…), i.e. none when unset. */
  faults?: FaultOptions | FaultInjector;
  /** Requests in flight above this get 429 (each portal has its own default). */
  maxInFlight?: number;
}

/** A portal simulator's server on its listening options (faults from the environment by default). */
export function startPortalServer(
  options: PortalListenOptions,
  defaultMaxInFlight: number,
  routes: SimRoute[],
): Promise<SimServer> {
  return startSimServer({
    port: options.port,
    host: options.host,
    faults: options.faults ?? faultOptionsFromEnv(),
    maxInFlight: options.maxInFlight ?? defaultMaxInFlight,
    routes,
  });
}

const MAX_BODY = 1_000_000;
/** Faults the server plays itself: the wait, and spoiling the route's body. */
const BODY_OR_TRANSPORT = new Set<FaultKind>(['slow', 'reset', 'truncated', 'nonjson']);

export async function startSimServer(options: SimServerOptions): Promise<SimServer> {
  const injector =
    options.faults instanceof FaultInjector ? options.faults : new FaultInjector(options.faults);
  const stats: SimStats = {
    requests: 0,
    byRoute: {},
    throttled: 0,
    inFlight: 0,
    peakInFlight: 0,
    faults: injector.counts,
  };
  const timers = new Set<NodeJS.Timeout>();
  const routes = new Map(options.routes.map((r) => [`${r.method} ${r.path}`, r]));

  const server = createServer((req, res) => {
    stats.requests++;
    stats.inFlight++;
    stats.peakInFlight = Math.max(stats.peakInFlight, stats.inFlight);
    res.once('close', () => stats.inFlight--);
    serve(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { message: 'simulator_error', detail: String(error) });
      else res.destroy();
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://sim');
    const found = routeFor(req, res, url);
    if (!found) return;
    const { route, key } = found;
    const request = simRequestOf(req, url, rawBody);
    if (!request) return send(res, 400, { message: 'body is not valid JSON' });
    const fault = injector.draw(key, [...TRANSPORT_FAULTS, ...(route.faults?.(request) ?? [])]);
    if (await answeredByFault(fault, res)) return;
    // The rest are the route's to play (an envelope error code, an expired session…).
    if (fault && !BODY_OR_TRANSPORT.has(fault)) request.fault = fault;
    const out = await route.handle(request);
    if (res.destroyed) return;
    sendAnswer(res, fault, out);
  }

  /** The route a request is for; null when it is answered already (over the in-flight cap, or no route). */
  function routeFor(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
  ): { route: SimRoute; key: string } | null {
    if (options.maxInFlight !== undefined && stats.inFlight > options.maxInFlight) {
      stats.throttled++;
      send(res, 429, { message: 'Too Many Requests' }, { 'retry-after': String(injector.retryAfterSeconds) });
      return null;
    }
    const key = `${req.method ?? 'GET'} ${url.pathname}`;
    const route = routes.get(key);
    stats.byRoute[key] = (stats.byRoute[key] ?? 0) + 1;
    if (!route) {
      send(res, 404, { message: `no route ${key}` });
      return null;
    }
    return { route, key };
  }

  /** Transport faults answered before the route (true), and the slow one's wait. */
  async function answeredByFault(fault: FaultKind | null, res: ServerResponse): Promise<boolean> {
    switch (fault) {
      case 'http500':
        send(res, 500, { message: 'Internal Server Error' });
        return true;
      case 'http502':
        sendText(res, 502, '<html><body><h1>502 Bad Gateway</h1></body></html>', 'text/html');
        return true;
      case 'http503':
        sendText(
          res,
          503,
          '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>',
          'text/html',
        );
        return true;
      case 'rate429':
        send(
          res,
          429,
          { message: 'Too Many Requests' },
          { 'retry-after': String(injector.retryAfterSeconds) },
        );
        return true;
      case 'slow':
        await delay(injector.slowMs, timers);
        return res.destroyed;
      default:
        return false;
    }
  }

  /** The route's answer, as the drawn body fault spoils it. */
  function sendAnswer(res: ServerResponse, fault: FaultKind | null, out: SimResponse): void {
    const text = JSON.stringify(out.body);
    if (fault === 'reset') resetMidBody(res, text);
    else if (fault === 'truncated')
      sendText(res, out.status ?? 200, text.slice(0, Math.floor(text.length / 2)));
    else if (fault === 'nonjson')
      sendText(
        res,
        200,
        '<html><body>Hệ thống đang bảo trì, vui lòng thử lại sau.</body></html>',
        'text/html',
      );
    else sendText(res, out.status ?? 200, text, 'application/json', out.headers);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    stats,
    faults: injector,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendText(res, status, JSON.stringify(body), 'application/json', headers);
}

function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  type = 'application/json',
  headers: Record<string, string> = {},
): void {
  const buffer = Buffer.from(text, 'utf8');
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'content-length': String(buffer.length),
    ...headers,
  });
  res.end(buffer);
}

/** Announces the whole body, sends part of it, then drops the connection. */
/** The route's view of a request; null when its body is not the JSON it claims. */
function simRequestOf(req: IncomingMessage, url: URL, rawBody: string): SimRequest | null {
  const request: SimRequest = {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    rawBody,
    body: undefined,
    fault: null,
  };
  try {
    request.body = parseBody(rawBody, req.headers['content-type']);
  } catch {
    return null;
  }
  return request;
}

function resetMidBody(res: ServerResponse, text: string): void {
  const buffer = Buffer.from(text, 'utf8');
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(buffer.length),
  });
  res.write(buffer.subarray(0, Math.max(1, Math.floor(buffer.length / 2))), () => res.socket?.destroy());
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw.trim() === '') return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  return JSON.parse(raw);
}

function delay(ms: number, timers: Set<NodeJS.Timeout>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      resolve();
    }, ms);
    timers.add(timer);
  });
}
