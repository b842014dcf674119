/**
 * A graph request's budget of time and memory. Past REQUEST_TIMEOUT, when the server shuts
 * down, or when the process's heap nears its limit while the request is building its
 * answer, the request is cancelled: it is answered at once with one coded error, its
 * running SQL is cancelled, and its execution freezes (no resolver or load goes on)
 * instead of finishing a huge half-built response nobody will read. Resolvers also hand
 * the event loop back now and then, so one large response never starves health checks,
 * other requests, timers or signals.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { defaultFieldResolver, GraphQLError, type GraphQLSchema, isObjectType } from 'graphql';

export type StopReason = 'REQUEST_TIMEOUT' | 'SHUTTING_DOWN' | 'REQUEST_TOO_LARGE';

/**
 * The share of the old generation's limit past which a request that is still building its
 * answer is stopped. A lifted cost limit (GRAPH_MAX_COST) lets through queries of millions
 * of nodes, and the executor's partial answers would otherwise exhaust the heap and kill the
 * process long before REQUEST_TIMEOUT. The heap's whole used size (young objects included,
 * live or not) is compared with it: a large young generation promotes tens of MiB at once,
 * so the old generation's own size can jump from below the line to exhaustion between two
 * looks; what is left is room for the other requests.
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
 * the whole limit always fired too late.
 */
export const OLD_GENERATION_LIMIT = getHeapStatistics().heap_size_limit - 3 * maxSemiSpaceMiB() * MiB;

let gc: (() => void) | undefined;

/**
 * A full garbage collection, on demand. Without --expose-gc, V8 gives `gc` to a context made
 * while the flag is set; it changes only contexts made from then on, so the hub's has none.
 */
function collectGarbage(): void {
  if (!gc) {
    const own = (globalThis as { gc?: () => void }).gc;
    if (own) gc = own;
    else {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
      setFlagsFromString('--no-expose-gc');
    }
  }
  gc();
}

/** Shortest time between two collections the guard asks for. */
const COLLECT_EVERY_MS = 1000;
let lastCollect = Number.NEGATIVE_INFINITY;

/**
 * True when the heap's used size is above HEAP_STOP_SHARE of the old generation's limit.
 * That size counts garbage until V8 collects it, a cancelled answer's for one, and V8 may
 * not collect before the next request reaches the line; so before saying yes the guard has
 * V8 collect (at most once a second: a collection of a full heap takes a few hundred ms)
 * and looks again, and only what is live stops a request.
 */
export function heapNearLimit(collectEveryMs = COLLECT_EVERY_MS): boolean {
  const line = HEAP_STOP_SHARE * OLD_GENERATION_LIMIT;
  if (getHeapStatistics().used_heap_size <= line) return false;
  const now = performance.now();
  if (now - lastCollect < collectEveryMs) return true;
  collectGarbage();
  lastCollect = performance.now();
  return getHeapStatistics().used_heap_size > line;
}

/** Longest stretch of a request's work between two turns of the event loop. */
const SLICE_MS = 20;
/**
 * Loaded values handed on at once in one burst; past it the rest wait their turn. A loader
 * shared by many resolvers settles all of them together, and each value's real work (the
 * executor completing what it carries, often a page of nodes) runs only after every one of
 * them was handed on: a clock read before that work would let them all through.
 */
const BURST_VALUES = 256;
/**
 * Waiters woken at each turn of the event loop. Each turn hands the loop back (health
 * checks, other requests, timers, signals) and looks at the heap, so what runs between two
 * looks is bounded by what this many wakes can build.
 */
const TURN_WAKES = 64;
/** Resolver calls between two looks at the heap within one stretch of work. */
const LOOK_EVERY = 512;

export class RequestBudget {
  private reason: StopReason | null = null;
  /**
   * What a stopped request's remaining work waits for: nothing ever. The execution freezes
   * where it is (no more resolvers, loads or errors to build); the server has already
   * answered with the budget's error. One per request, never shared: a frozen execution
   * is reachable only from its own request, so it is collected with it.
   */
  readonly frozen = new Promise<never>(() => {});
  /** Work waiting for a turn of the loop, first come first woken (from `head` on). */
  private queue: ((() => void) | undefined)[] = [];
  private head = 0;
  private turnPending = false;
  /** The current burst (the work between two turns of the loop): its start and values handed on. */
  private burstOpen = false;
  private burstStart = 0;
  private burstValues = 0;
  /** Resolver calls since the last look at the heap. */
  private calls = 0;
  private readonly listeners: (() => void)[] = [];

  /** `heapNear` is how the heap is looked at (a test's stand-in can say when it is full). */
  constructor(
    private readonly timeoutMs: number,
    private readonly heapNear: () => boolean = () => heapNearLimit(),
  ) {}

  get stopped(): StopReason | null {
    return this.reason;
  }

  stop(reason: StopReason): void {
    if (this.reason) return;
    this.reason = reason;
    // The waiters are never woken: the execution is frozen where it is.
    this.queue = [];
    this.head = 0;
    for (const l of this.listeners.splice(0)) l();
  }

  onStop(listener: () => void): void {
    if (this.reason) listener();
    else this.listeners.push(listener);
  }

  private get queued(): number {
    return this.queue.length - this.head;
  }

  /** Time spent in the current burst; the first call after a turn of the loop opens one. */
  private inBurst(): number {
    const now = performance.now();
    if (!this.burstOpen) this.openBurst(now, 0);
    return now - this.burstStart;
  }

  private openBurst(now: number, values: number): void {
    this.burstOpen = true;
    this.burstStart = now;
    this.burstValues = values;
    setImmediate(this.closeBurst);
  }

  private readonly closeBurst = (): void => {
    this.burstOpen = false;
  };

  /** Stops the request (REQUEST_TOO_LARGE) when the heap is near its limit; true when stopped. */
  private lookAtHeap(): boolean {
    this.calls = 0;
    if (!this.reason && this.heapNear()) this.stop('REQUEST_TOO_LARGE');
    return this.reason !== null;
  }

  /**
   * A turn of the loop: look at the heap, then wake the next waiters. Their work is this
   * burst's; whatever it asks for meanwhile waits behind the rest of the queue.
   */
  private readonly turn = (): void => {
    this.turnPending = false;
    if (this.lookAtHeap()) return;
    const end = Math.min(this.head + TURN_WAKES, this.queue.length);
    const woken = end - this.head;
    if (!this.burstOpen) this.openBurst(performance.now(), woken);
    else this.burstValues += woken;
    while (this.head < end) {
      const wake = this.queue[this.head]!;
      this.queue[this.head++] = undefined;
      wake();
    }
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else {
      // Woken slots are given back once they are most of the array (amortized: each slot is copied at most once).
      if (this.head > 4096 && this.head * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      this.scheduleTurn();
    }
  };

  private scheduleTurn(): void {
    if (this.turnPending) return;
    this.turnPending = true;
    setImmediate(this.turn);
  }

  /** Resolves at a later turn of the event loop, in turn with the work already waiting (never, once stopped). */
  pace(): Promise<void> {
    if (this.reason) return this.frozen;
    return new Promise<void>((wake) => {
      this.queue.push(wake);
      this.scheduleTurn();
    });
  }

  /**
   * True when work must wait for pace() first: the request is stopped, other work is
   * waiting already, or the burst has used its slice. Every LOOK_EVERY calls it looks at
   * the heap: a request still building while the heap is near its limit is stopped.
   */
  mustPace(): boolean {
    if (this.reason) return true;
    if (++this.calls >= LOOK_EVERY && this.lookAtHeap()) return true;
    return this.queued > 0 || this.inBurst() > SLICE_MS;
  }

  /**
   * A loader's batch schedule: like DataLoader's own (after the current promise jobs), and
   * then only once no work of the request waits for its turn, so pacing never splits one
   * level's loads into several statements.
   */
  scheduleBatch(dispatch: () => void): void {
    const whenIdle = () => {
      if (this.reason) return; // frozen: nothing waits for this batch any more
      if (this.queued === 0) dispatch();
      else setImmediate(whenIdle);
    };
    void Promise.resolve().then(() => process.nextTick(whenIdle));
  }

  /**
   * A loaded value, handed on at the pace of the request (never, once it is stopped): at
   * most BURST_VALUES in one burst, the rest in turn.
   */
  paced<T>(value: Promise<T>): Promise<T> {
    return value.then(
      (v) => (this.mustPace() || ++this.burstValues > BURST_VALUES ? this.pace().then(() => v) : v),
      (e) => {
        // A statement cancelled with its request fails here: that failure has no one to tell.
        if (this.reason) return this.frozen;
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
