/**
 * HTTP: /graphql (Apollo Server 5 over node:http, GraphiQL for browsers), /healthz,
 * /readyz, /metrics, the console at /console. No framework: the hub needs a handful of routes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { CONSOLE_PATH, serveConsole } from './console-assets';
import type { Orm } from './db/orm';
import { cancelScope, runInStatementScope, StatementScope } from './db/statement-scope';
import { EXPORT_PATH, serveExport } from './exports';
import { authenticate } from './graph/auth';
import type { GraphContext, HubServices } from './graph/context';
import { formatError } from './graph/errors';
import { graphiqlAsset, graphiqlPage } from './graph/graphiql';
import { guardSchema, RequestBudget } from './graph/request-budget';
import { hubSchema } from './graph/schema';
import type { Logger } from './log';
import { metricsText } from './metrics';

const MAX_BODY = 1024 * 1024;

export interface HubServer {
  url: string;
  server: Server;
  /** Shutdown, first step: no new connections or requests. */
  stopAccepting(): Promise<void>;
  /** Cancels the requests in flight (their SQL too) and waits for their answers. */
  endRequests(): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export async function createApollo(log: Logger): Promise<ApolloServer<GraphContext>> {
  const apollo = new ApolloServer<GraphContext>({
    schema: guardSchema(await hubSchema()),
    formatError: formatError(log),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    csrfPrevention: true,
    // Apollo would answer SIGINT/SIGTERM by killing the process itself, cutting the hub's
    // shutdown (current page, database, embedded PostgreSQL) short; the hub stops it.
    stopOnTerminationSignals: false,
    // The graph sets no cache hints; Apollo's cache-control plugin would still wrap every
    // field's resolver to compute a policy nobody reads (a tenth of a list's CPU).
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();
  return apollo;
}

class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new BodyError(413, `request body larger than ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function sendStopped(res: ServerResponse, budget: RequestBudget): void {
  if (res.headersSent) return;
  const e = budget.error();
  sendJson(res, 503, { errors: [{ message: e.message, extensions: { code: e.extensions.code } }] });
}

export async function startServer(deps: {
  orm: Orm;
  /** The read replica's ORM (DATABASE_READ_URL), when there is one: reports read through it. */
  readOrm?: Orm | null;
  services: HubServices;
  log: Logger;
  port: number;
  host: string;
  adminKey: string;
  /** Pre-fill the key in GraphiQL (simulated mode only). */
  exposeKeyInGraphiql: boolean;
  /** Graph requests wait for this (the first sync) before they run. */
  ready?: Promise<unknown>;
  requestTimeoutMs?: number;
}): Promise<HubServer> {
  const { orm, log } = deps;
  const apollo = await createApollo(log);
  const requestTimeoutMs = deps.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const clientUrl = orm.config.get('clientUrl') as string;
  const inFlight = new Map<RequestBudget, Promise<unknown>>();
  let accepting = true;

  /** Runs the request under its budget: a timer, and a scope naming its SQL sessions. */
  async function budgeted(req: IncomingMessage, res: ServerResponse, url: URL) {
    const budget = new RequestBudget(requestTimeoutMs);
    if (!accepting) budget.stop('SHUTTING_DOWN');
    const scope = new StatementScope();
    budget.onStop(() => {
      cancelScope(clientUrl, scope).catch((e) =>
        log.warn({ event: 'cancel_failed', reason: String(e?.message ?? e) }, 'could not cancel SQL'),
      );
    });
    const stopped = new Promise<void>((resolve) => budget.onStop(resolve));
    const timer = setTimeout(() => budget.stop('REQUEST_TIMEOUT'), requestTimeoutMs);
    const work = runInStatementScope(scope, () => graphql(req, res, url, budget));
    // A stopped request is answered at once; its execution, frozen by the budget, is dropped.
    const answered = Promise.race([work, stopped]).then(() => {
      if (budget.stopped) sendStopped(res, budget);
    });
    work.catch(() => {});
    inFlight.set(budget, answered);
    try {
      await answered;
    } finally {
      clearTimeout(timer);
      inFlight.delete(budget);
    }
  }

  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL, budget: RequestBudget) {
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers)) {
      if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    }
    let body: unknown;
    if (req.method === 'POST') {
      const text = await readBody(req);
      if ((headers.get('content-type') ?? '').includes('application/json')) {
        try {
          body = text ? JSON.parse(text) : {};
        } catch {
          throw new BodyError(400, 'the request body is not valid JSON');
        }
      } else {
        body = text;
      }
    }
    if (deps.ready) await Promise.race([deps.ready, new Promise((r) => budget.onStop(() => r(null)))]);
    if (budget.stopped) return sendStopped(res, budget);
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => ({
        principal: authenticate(headers.get('x-api-key'), deps.adminKey),
        em: orm.em.fork(),
        readEm: deps.readOrm?.em.fork(),
        log,
        services: deps.services,
        loaders: new Map(),
        budget,
      }),
    });
    // A cancelled request answers one coded error, not a pile of per-field ones and a
    // half-built body.
    if (budget.stopped) return sendStopped(res, budget);
    res.statusCode = result.status ?? 200;
    for (const [k, v] of result.headers) res.setHeader(k, v);
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/readyz') {
      try {
        await orm.em.fork().execute('select 1');
        return sendJson(res, 200, { status: 'ready' });
      } catch {
        return sendJson(res, 503, { status: 'database unreachable' });
      }
    }
    if (url.pathname === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      return res.end(await metricsText(orm));
    }
    if (url.pathname === CONSOLE_PATH || url.pathname.startsWith(`${CONSOLE_PATH}/`)) {
      return serveConsole(url.pathname, res);
    }
    if (url.pathname.startsWith(EXPORT_PATH)) return serveExport(req, res, url, deps);
    if (url.pathname.startsWith('/graphiql/')) {
      const asset = graphiqlAsset(url.pathname.slice('/graphiql/'.length));
      if (!asset) return sendJson(res, 404, { error: 'not found' });
      res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'public, max-age=86400' });
      return res.end(asset.body);
    }
    if (url.pathname === '/graphql' || url.pathname === '/') {
      const wantsPage =
        req.method === 'GET' &&
        !url.searchParams.has('query') &&
        (req.headers.accept ?? '').includes('text/html');
      if (wantsPage || url.pathname === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(graphiqlPage({ apiKey: deps.exposeKeyInGraphiql ? deps.adminKey : null }));
      }
      return budgeted(req, res, url);
    }
    sendJson(res, 404, { error: 'not found: the graph is at /graphql' });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (e instanceof BodyError)
        return sendJson(res, e.status, {
          errors: [{ message: e.message, extensions: { code: 'BAD_REQUEST' } }],
        });
      log.error({ event: 'http_error', err: { message: String(e?.message ?? e) } }, 'request failed');
      if (!res.headersSent)
        sendJson(res, 500, {
          errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        });
      else res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.port, deps.host, () => resolve());
  });
  let closing: Promise<void> | null = null;
  function stopAccepting(): Promise<void> {
    accepting = false;
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    return closing;
  }
  const address = server.address() as { port: number };
  const shownHost = deps.host === '0.0.0.0' || deps.host === '::' ? 'localhost' : deps.host;
  return {
    url: `http://${shownHost}:${address.port}/graphql`,
    server,
    stopAccepting,
    async endRequests() {
      for (const budget of inFlight.keys()) budget.stop('SHUTTING_DOWN');
      await Promise.allSettled([...inFlight.values()]);
    },
    async close() {
      const closed = stopAccepting();
      // Keep-alive sockets between requests would hold close() for keepAliveTimeout.
      server.closeAllConnections();
      await closed;
      await apollo.stop();
    },
  };
}
