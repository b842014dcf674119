/**
 * HTTP: /graphql (Apollo Server 5 over node:http, GraphiQL for browsers), /healthz,
 * /readyz, /metrics, the console at /console. No framework: the hub needs a handful of routes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLError } from 'graphql';
import type { GraphLimits } from './config';
import { CONSOLE_PATH, serveConsole } from './console-assets';
import type { Orm } from './db/orm';
import { requestEm } from './db/request-em';
import { cancelScope, runInStatementScope, StatementScope } from './db/statement-scope';
import { errorCodeOf } from './domain/errors';
import { EXPORT_PATH, serveExport } from './exports';
import { type AuthOptions, authenticate, oidcVerifier, type Principal, scopeOf } from './graph/auth';
import type { GraphContext, HubServices } from './graph/context';
import { formatError } from './graph/errors';
import { jitExecutor } from './graph/executor';
import { FAST_LANE_CONTENT_TYPE, type FastLane, fastAnswer } from './graph/fast-lane';
import { graphiqlAsset, graphiqlPage } from './graph/graphiql';
import { guardOperation, guardPlugin } from './graph/limits';
import { prefetchingSchema } from './graph/prefetch';
import { errorBody, isLoopback, requestIdOf, stampRequestId } from './graph/request';
import { guardSchema, RequestBudget } from './graph/request-budget';
import { hubSchema } from './graph/schema';
import type { Logger } from './log';
import { descendantsOf } from './modules/agency';
import { chargeCost, findLiveKey } from './modules/keys';
import { type HubMetrics, type HubOps, hubOps, metricsPlugin, serveOps } from './ops';

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

/**
 * Apollo, and the fast lane beside it (src/graph/fast-lane.ts) over the same schema,
 * executor and guard.
 */
export async function createApollo(
  log: Logger,
  limits: GraphLimits,
  metrics?: HubMetrics,
): Promise<{ apollo: ApolloServer<GraphContext>; lane: FastLane }> {
  // Relations a list prefetched answer from its rows (src/graph/prefetch.ts).
  const schema = guardSchema(prefetchingSchema(await hubSchema()));
  const executor = jitExecutor(schema);
  const apollo = new ApolloServer<GraphContext>({
    // graphql-jit runs the operations (src/graph/executor.ts); Apollo does the rest.
    gateway: executor.gateway,
    formatError: formatError({ statementTimeoutMs: limits.statementTimeoutMs }),
    includeStacktraceInErrorResponses: false,
    // On for the schema; per role in guardPlugin (only roles with introspection get it).
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: true,
    parseOptions: { maxTokens: limits.maxTokens },
    // Apollo would answer SIGINT/SIGTERM by killing the process itself, cutting the hub's
    // shutdown (current page, database, embedded PostgreSQL) short; the hub stops it.
    stopOnTerminationSignals: false,
    // The graph sets no cache hints; Apollo's cache-control plugin would still wrap every
    // field's resolver to compute a policy nobody reads (a tenth of a list's CPU).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      // Apollo turns on federated tracing for a subgraph: per-field timings to any caller
      // who asks (a gateway's ftv1 header). The hub's figures are in /metrics instead.
      ApolloServerPluginInlineTraceDisabled(),
      guardPlugin(limits, log, chargeCost),
      ...(metrics ? [metricsPlugin(metrics)] : []),
    ],
  });
  await apollo.start();
  const lane: FastLane = {
    executor,
    schema,
    guard: guardOperation(limits, chargeCost),
    onAnswered: metrics ? (name, seconds) => metrics.answered(name, seconds) : undefined,
  };
  return { apollo, lane };
}

class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const tooLarge = (max: number) => new BodyError(413, `the request body is larger than ${max} bytes`);

/** The body as text; listeners rather than an async iterator, which costs more than a small body's read. */
function readBody(req: IncomingMessage, max: number): Promise<string> {
  // Refused before reading when the client announces the size.
  if (Number(req.headers['content-length'] ?? 0) > max) return Promise.reject(tooLarge(max));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) return void chunks.push(chunk);
      req.off('data', onData).pause();
      reject(tooLarge(max));
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
    req.once('aborted', () =>
      reject(new BodyError(400, 'the client closed the connection before the body ended')),
    );
  });
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function sendStopped(
  res: ServerResponse,
  budget: RequestBudget,
  requestId: string,
  metrics: HubMetrics,
): void {
  if (res.headersSent) return;
  const e = budget.error();
  metrics.error(e.extensions.code);
  sendJson(res, 503, errorBody(String(e.extensions.code), e.message, requestId));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function refuseBody(
  req: IncomingMessage,
  res: ServerResponse,
  e: BodyError,
  requestId: string,
  metrics: HubMetrics,
): void {
  const large = e.status === 413;
  const code = large ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
  metrics.error(code);
  // The rest of a refused body is not read: answer, then close the connection.
  sendJson(res, e.status, errorBody(code, e.message, requestId), large ? { connection: 'close' } : {});
  if (large) req.resume();
}

function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  }
  return headers;
}

/** A POST's body: parsed when it is JSON (an empty one is {}), the text otherwise. */
async function graphqlBody(req: IncomingMessage, headers: HeaderMap, max: number): Promise<unknown> {
  const text = await readBody(req, max);
  if (!(headers.get('content-type') ?? '').includes('application/json')) return text;
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new BodyError(400, 'the request body is not valid JSON');
  }
}

async function sendGraphqlResult(res: ServerResponse, result: HTTPGraphQLResponse, requestId: string) {
  res.statusCode = result.status ?? 200;
  for (const [k, v] of result.headers) res.setHeader(k, v);
  if (result.body.kind === 'complete') {
    res.end(stampRequestId(result.body.string, requestId));
    return;
  }
  for await (const chunk of result.body.asyncIterator) res.write(chunk);
  res.end();
}

function serveGraphiqlAsset(url: URL, res: ServerResponse): void {
  const asset = graphiqlAsset(url.pathname.slice('/graphiql/'.length));
  if (!asset) {
    sendJson(res, 404, { error: 'not found' });
    return;
  }
  res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'public, max-age=86400' });
  res.end(asset.body);
}

const OPS_PATHS = new Set(['/readyz', '/metrics']);
const GRAPH_PATHS = new Set(['/graphql', '/']);
const isConsolePath = (path: string) => path === CONSOLE_PATH || path.startsWith(`${CONSOLE_PATH}/`);

/** A browser opening /graphql without a query gets GraphiQL; / always does. */
function wantsGraphiqlPage(req: IncomingMessage, url: URL): boolean {
  if (url.pathname === '/') return true;
  return (
    req.method === 'GET' && !url.searchParams.has('query') && (req.headers.accept ?? '').includes('text/html')
  );
}

export async function startServer(deps: {
  orm: Orm;
  services: HubServices;
  /** The read replica's ORM (DATABASE_READ_URL), when there is one: reports read through it. */
  readOrm?: Orm | null;
  log: Logger;
  port: number;
  host: string;
  adminKey: string;
  /** Pre-fill the key in GraphiQL (simulated mode only, and only for a loopback client). */
  exposeKeyInGraphiql: boolean;
  /** Verifies bearer tokens; by default OIDC as configured (or none). */
  verifyToken?: AuthOptions['verifyToken'];
  /** Graph requests wait for this (the first sync) before they run. */
  ready?: Promise<unknown>;
  requestTimeoutMs?: number;
  /** /readyz and /metrics; by default the database and migrations, and this server's and the ledger's figures. */
  ops?: HubOps;
}): Promise<HubServer> {
  const { orm, log } = deps;
  const security = deps.services.config.security;
  const limits = security.limits;
  const ops: HubOps =
    deps.ops ?? hubOps({ orm, readOrm: deps.readOrm, staleAfterMs: deps.services.config.sourceStaleAfterMs });
  const metrics = ops.recorder;
  const { apollo, lane } = await createApollo(log, limits, metrics);
  const authOptions: AuthOptions = {
    findKey: (key) => findLiveKey(orm.em.fork(), key),
    adminKey: deps.adminKey,
    adminPii: security.adminPii,
    defaultRatePerMinute: security.defaultRatePerMinute,
    verifyToken:
      deps.verifyToken ??
      (security.oidc ? oidcVerifier(security.oidc, log, security.defaultRatePerMinute) : null),
  };
  const oidc = security.oidc;
  // The console's issuer sign-in: only the issuer and the public client id, never more.
  const consoleSignIn = oidc?.clientId ? { issuer: oidc.issuer, clientId: oidc.clientId } : null;
  const requestTimeoutMs = deps.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const clientUrl = orm.config.get('clientUrl') as string;
  const inFlight = new Map<RequestBudget, Promise<unknown>>();
  let accepting = true;

  /** Runs the request under its budget: a timer, and a scope naming its SQL sessions. */
  async function budgeted(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string) {
    const budget = new RequestBudget(requestTimeoutMs);
    if (!accepting) budget.stop('SHUTTING_DOWN');
    // Every statement the request runs (its key's lookup included) is under STATEMENT_TIMEOUT.
    const scope = new StatementScope(limits.statementTimeoutMs);
    budget.onStop(() => {
      if (budget.stopped === 'REQUEST_TOO_LARGE')
        log.warn(
          {
            event: 'request_too_large',
            requestId,
            heapUsedMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
          },
          'a request was cancelled: its answer was filling the heap',
        );
      cancelScope(clientUrl, scope).catch((e) =>
        log.warn({ event: 'cancel_failed', reason: String(e?.message ?? e) }, 'could not cancel SQL'),
      );
    });
    const stopped = new Promise<void>((resolve) => budget.onStop(resolve));
    const timer = setTimeout(() => budget.stop('REQUEST_TIMEOUT'), requestTimeoutMs);
    const work = runInStatementScope(scope, () => graphql(req, res, url, budget, requestId));
    // A stopped request is answered at once; its execution, frozen by the budget, is dropped.
    const answered = Promise.race([work, stopped]).then(() => {
      if (budget.stopped) sendStopped(res, budget, requestId, metrics);
    });
    // Until the race is decided, a failed execution is answered and logged through it
    // (handle's catch). Once the budget stopped the request, its execution may still fail
    // later (its SQL cancelled, its scope gone): nobody awaits it any more, so it is
    // logged here, with its code, at debug — an expected end for a stopped request.
    work.catch((e) => {
      if (!budget.stopped) return;
      log.debug(
        { event: 'stopped_request_failed', requestId, code: errorCodeOf(e, 'unexpected_error') },
        'a stopped request ended with an error after it was answered',
      );
    });
    inFlight.set(budget, answered);
    try {
      await answered;
    } finally {
      clearTimeout(timer);
      inFlight.delete(budget);
    }
  }

  /** A key limited to an agency sees it and every agency under it. */
  const agencyTree = async (code: string) => (await descendantsOf(orm.em.fork(), [code])).get(code) ?? [code];
  const credentialsOf = (req: IncomingMessage) => ({
    apiKey: header(req, 'x-api-key'),
    authorization: header(req, 'authorization'),
  });

  /** The caller, or null with the 401 already sent. */
  async function callerOf(req: IncomingMessage, res: ServerResponse, requestId: string) {
    try {
      return await authenticate(credentialsOf(req), authOptions);
    } catch (e) {
      if ((e as GraphQLError).extensions?.code !== 'UNAUTHENTICATED') throw e;
      log.info({ event: 'unauthenticated', requestId, reason: (e as Error).message }, 'request refused');
      metrics.error('UNAUTHENTICATED');
      sendJson(res, 401, errorBody('UNAUTHENTICATED', (e as Error).message, requestId), {
        'www-authenticate': 'ApiKey header="X-API-Key"',
      });
      return null;
    }
  }

  async function graphql(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    budget: RequestBudget,
    requestId: string,
  ) {
    const principal = await callerOf(req, res, requestId);
    if (!principal) return;
    const headers = headerMapOf(req);
    const body = req.method === 'POST' ? await graphqlBody(req, headers, limits.maxBodyBytes) : undefined;
    if (Array.isArray(body) && body.length > limits.maxBatch) {
      const message = `a batch of ${body.length} operations is above the limit of ${limits.maxBatch}`;
      const extra = { measure: 'batch', value: body.length, limit: limits.maxBatch };
      metrics.error('QUERY_TOO_COMPLEX');
      return sendJson(res, 400, errorBody('QUERY_TOO_COMPLEX', message, requestId, extra));
    }
    if (deps.ready) await Promise.race([deps.ready, new Promise((r) => budget.onStop(() => r(null)))]);
    if (budget.stopped) return sendStopped(res, budget, requestId, metrics);
    const scope = await scopeOf(principal, agencyTree);
    const context: GraphContext = {
      principal,
      scope,
      requestId,
      em: requestEm(orm),
      readEm: deps.readOrm ? requestEm(deps.readOrm) : undefined,
      log,
      services: deps.services,
      loaders: new Map(),
      budget,
    };
    await answer(res, { method: req.method ?? 'GET', headers, search: url.search, body }, context, budget);
  }

  /** The fast lane's answer when it has one, else Apollo's. */
  async function answer(
    res: ServerResponse,
    request: HTTPGraphQLRequest,
    context: GraphContext,
    budget: RequestBudget,
  ) {
    const fast = await fastAnswer(lane, request.method, request.body, request.headers, context);
    if (budget.stopped) return sendStopped(res, budget, context.requestId, metrics);
    if (fast !== null) {
      res.writeHead(200, { 'content-type': FAST_LANE_CONTENT_TYPE });
      res.end(fast);
      return;
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: request,
      context: async () => context,
    });
    // A cancelled request answers one coded error, not a pile of per-field ones and a
    // half-built body.
    if (budget.stopped) return sendStopped(res, budget, context.requestId, metrics);
    await sendGraphqlResult(res, result, context.requestId);
  }

  /** Ops endpoints need a key: any role for /readyz, the metrics grant for /metrics. */
  async function opsAllowed(
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    allowed: (p: Principal) => boolean,
  ): Promise<boolean> {
    const principal = await callerOf(req, res, requestId);
    if (!principal) return false;
    if (allowed(principal)) return true;
    metrics.error('FORBIDDEN');
    sendJson(res, 403, errorBody('FORBIDDEN', 'this key has no metrics grant', requestId));
    return false;
  }

  async function serveOpsPath(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string) {
    const allowed = url.pathname === '/metrics' ? (p: Principal) => p.metrics : () => true;
    if (!(await opsAllowed(req, res, requestId, allowed))) return;
    await serveOps(url, res, ops);
  }

  /** The export's caller: authenticated as a graph request is, with the agency scope. */
  const exportCaller = async (r: IncomingMessage) => {
    const principal = await authenticate(credentialsOf(r), authOptions);
    return { principal, scope: await scopeOf(principal, agencyTree) };
  };
  const exportDeps = { orm, readOrm: deps.readOrm ?? null, caller: exportCaller };

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (OPS_PATHS.has(path)) return serveOpsPath(req, res, url, requestId);
    if (isConsolePath(path)) return serveConsole(path, res, { signIn: consoleSignIn });
    if (path.startsWith(EXPORT_PATH)) {
      return serveExport(req, res, url, exportDeps);
    }
    if (path.startsWith('/graphiql/')) return serveGraphiqlAsset(url, res);
    if (!GRAPH_PATHS.has(path)) {
      return sendJson(res, 404, { error: 'not found: the graph is at /graphql' });
    }
    if (wantsGraphiqlPage(req, url)) return sendGraphiqlPage(req, res);
    return budgeted(req, res, url, requestId);
  }

  function sendGraphiqlPage(req: IncomingMessage, res: ServerResponse) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    const fill = deps.exposeKeyInGraphiql && isLoopback(req.socket.remoteAddress);
    res.end(graphiqlPage({ apiKey: fill ? deps.adminKey : null }));
  }

  const server = createServer((req, res) => {
    const requestId = requestIdOf(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    handle(req, res, requestId).catch((e) => {
      if (e instanceof BodyError) return refuseBody(req, res, e, requestId, metrics);
      const err = { message: String(e?.message ?? e) };
      log.error({ event: 'http_error', requestId, err }, 'request failed');
      metrics.error('INTERNAL_SERVER_ERROR');
      if (!res.headersSent)
        sendJson(res, 500, errorBody('INTERNAL_SERVER_ERROR', 'Internal server error', requestId));
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
