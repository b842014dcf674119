/**
 * A graph request's budget of time and memory. Past REQUEST_TIMEOUT, when the server shuts
 * down, or when the process's heap nears its limit while the request is building its
 * answer, the request is cancelled: it is answered at once with one coded error, its
 * running SQL is cancelled, and its execution freezes (no resolver or load goes on)
 * instead of finishing a huge half-built response nobody will read. Resolvers also hand
 * the event loop back now and then, so one large response never starves health checks,
 * other requests, timers or signals.
 */
import { getHeapStatistics } from 'node:v8';
import { defaultFieldResolver, GraphQLError, type GraphQLSchema, isObjectType } from 'graphql';

export type StopReason = 'REQUEST_TIMEOUT' | 'SHUTTING_DOWN' | 'REQUEST_TOO_LARGE';

/**
 * The share of the old generation's limit past which a request that is still building its
 * answer is stopped. A lifted cost limit (GRAPH_MAX_COST) lets through queries of millions
 * of nodes, and the executor's partial answers would otherwise exhaust the heap and kill the
 * process long before REQUEST_TIMEOUT. The heap's whole used size (young objects included,
 * live or not) is compared with it: a large young generation promotes tens of MiB at once,
 * so the old generation's own size can jump from below the line to exhaustion between two
 * looks (seen on Node 24); what is left is room for the other requests.
 */
export const HEAP_STOP_SHARE = 0.7;

const MiB = 2 ** 20;

/**
 * V8's largest semi-space, in MiB: `--max-semi-space-size` when the process was given one
 * (on its command line or in NODE_OPTIONS), else V8's default, which V8 13 (Node 24)
 * raised from 16 to 64 MiB.
 */
export function maxSemiSpaceMiB(
  argv: readonly string[] = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)],
  v8Version: string = process.versions.v8,
): number {
  for (let i = 0; i < argv.length; i++) {
    const m = /^--max[-_]semi[-_]space[-_]size(?:=(\d+))?$/.exec(argv[i]!);
    const value = m && (m[1] ?? argv[i + 1]);
    if (value && /^\d+$/.test(value)) return Number(value);
  }
  return Number(v8Version.split('.')[0]) >= 13 ? 64 : 16;
}

/**
 * The old generation's limit, in bytes. V8's `heap_size_limit` adds the young generation's
 * reserve (two semi-spaces and a young large-object space of one semi-space each), which
 * live data never fills and whose size differs by Node version: for the same
 * `--max-old-space-size=384`, 432 MiB on Node 20 and 576 MiB on Node 24, where a share of
 * the whole limit always fired too late. On Node 24 this guard still misses at times (the
 * heap has grown by about 130 MB between two looks): an open defect, see README.
 */
export const OLD_GENERATION_LIMIT = getHeapStatistics().heap_size_limit - 3 * maxSemiSpaceMiB() * MiB;

/** True when the heap's used size is above HEAP_STOP_SHARE of the old generation's limit. */
export function heapNearLimit(): boolean {
  return getHeapStatistics().used_heap_size > HEAP_STOP_SHARE * OLD_GENERATION_LIMIT;
}

/**
 * Longest stretch of resolver work between two turns of the event loop. Resolvers that
 * wait for one shared loader all resume in a single burst of microtasks, which nothing
 * else can interrupt; past this slice the rest of the burst waits for the next turn.
 */
const SLICE_MS = 20;

export class RequestBudget {
  private reason: StopReason | null = null;
  /**
   * What a stopped request's remaining work waits for: nothing ever. The execution freezes
   * where it is (no more resolvers, loads or errors to build); the server has already
   * answered with the budget's error. One per request, never shared: a frozen execution
   * is reachable only from its own request, so it is collected with it.
   */
  readonly frozen = new Promise<never>(() => {});
  /** When the current burst of work began; a burst ends at the next turn of the loop. */
  private burstStart = 0;
  private burstOpen = false;
  private turn: Promise<void> | null = null;
  /** Callers of pace() waiting for the next turn. */
  private waiting = 0;
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly timeoutMs: number) {}

  get stopped(): StopReason | null {
    return this.reason;
  }

  stop(reason: StopReason): void {
    if (this.reason) return;
    this.reason = reason;
    for (const l of this.listeners.splice(0)) l();
  }

  onStop(listener: () => void): void {
    if (this.reason) listener();
    else this.listeners.push(listener);
  }

  /** Time spent in the current burst; the first call after a turn of the loop opens one. */
  private inBurst(): number {
    const now = performance.now();
    if (!this.burstOpen) {
      this.burstOpen = true;
      this.burstStart = now;
      setImmediate(() => {
        this.burstOpen = false;
      });
    }
    return now - this.burstStart;
  }

  /**
   * Resolves at the next turn of the event loop once the current burst has used its slice.
   * At each such turn the heap is looked at: a request still building while it is near
   * its limit is stopped (REQUEST_TOO_LARGE).
   */
  async pace(): Promise<void> {
    while (this.inBurst() > SLICE_MS) {
      // Once per slice (the first resolver to wait opens the turn), not once per waiter.
      if (!this.reason && !this.turn && heapNearLimit()) this.stop('REQUEST_TOO_LARGE');
      if (this.reason) break;
      this.turn ??= new Promise<void>((resolve) =>
        setImmediate(() => {
          this.turn = null;
          resolve();
        }),
      );
      this.waiting++;
      try {
        await this.turn;
      } finally {
        this.waiting--;
      }
    }
    if (this.reason) await this.frozen;
  }

  /** True when work must wait for pace() first: the slice is over, or the request is stopped. */
  mustPace(): boolean {
    return this.reason !== null || this.inBurst() > SLICE_MS;
  }

  /**
   * A loader's batch schedule: like DataLoader's own (after the current promise jobs), and
   * then only once no paced resolver is still waiting for its turn, so pacing never splits
   * one level's loads into several statements.
   */
  scheduleBatch(dispatch: () => void): void {
    const whenIdle = () => {
      if (this.reason) return; // frozen: nothing waits for this batch any more
      if (this.waiting === 0 && !this.turn) dispatch();
      else setImmediate(whenIdle);
    };
    void Promise.resolve().then(() => process.nextTick(whenIdle));
  }

  /** A loaded value, handed on at the pace of the request (never, once it is stopped). */
  paced<T>(value: Promise<T>): Promise<T> {
    return value.then(
      async (v) => {
        if (this.mustPace()) await this.pace();
        return v;
      },
      async (e) => {
        // A statement cancelled with its request fails here: that failure has no one to tell.
        if (this.reason) await this.frozen;
        throw e;
      },
    );
  }

  error(): GraphQLError {
    if (this.reason === 'REQUEST_TOO_LARGE')
      return new GraphQLError(
        'the answer grew too large for the memory the hub can give one request and was cancelled; ask for less (smaller first, fewer nested lists)',
        { extensions: { code: 'REQUEST_TOO_LARGE', http: { status: 503 } } },
      );
    return this.reason === 'SHUTTING_DOWN'
      ? new GraphQLError('the hub is shutting down; the request was cancelled, send it again later', {
          extensions: { code: 'SHUTTING_DOWN', http: { status: 503 } },
        })
      : new GraphQLError(
          `the request ran longer than REQUEST_TIMEOUT (${this.timeoutMs / 1000} s) and was cancelled; ask for less (smaller first, fewer nested lists)`,
          { extensions: { code: 'REQUEST_TIMEOUT', http: { status: 503 } } },
        );
  }
}

const guarded = new WeakSet<GraphQLSchema>();

/**
 * Wraps every resolver of the schema (in place, once) with the budget check and the
 * pacing. Requests without a budget in their context are untouched. Plain fields (no
 * resolver: a property of an object already built) stay unwrapped: they do no I/O and
 * their object's own resolver has been paced, and left plain the executor reads them
 * inline instead of calling a function per field and row.
 */
export function guardSchema(schema: GraphQLSchema): GraphQLSchema {
  if (guarded.has(schema)) return schema;
  guarded.add(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.resolve || field.resolve === defaultFieldResolver) continue;
      const resolve = field.resolve;
      field.resolve = (source, args, context, info) => {
        const budget = (context as { budget?: RequestBudget } | undefined)?.budget;
        if (!budget) return resolve(source, args, context, info);
        if (budget.stopped) return budget.frozen;
        if (!budget.mustPace()) return resolve(source, args, context, info);
        return budget.pace().then(() => resolve(source, args, context, info));
      };
    }
  }
  return schema;
}
