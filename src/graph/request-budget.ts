/**
 * A graph request's time budget. Past REQUEST_TIMEOUT (or when the server shuts down) the
 * request is cancelled: its running SQL is cancelled, every resolver not yet called fails
 * at once instead of loading more, and the answer is one coded error instead of a huge
 * half-built response. Resolvers also hand the event loop back now and then, so one large
 * response never starves health checks, other requests, timers or signals.
 */
import { defaultFieldResolver, GraphQLError, type GraphQLSchema, isObjectType } from 'graphql';

export type StopReason = 'REQUEST_TIMEOUT' | 'SHUTTING_DOWN';

/** Resolver calls between two turns of the event loop. */
const YIELD_EVERY = 2000;

export class RequestBudget {
  private reason: StopReason | null = null;
  private calls = 0;
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

  /** True once every YIELD_EVERY calls: the caller then waits a turn of the event loop. */
  tick(): boolean {
    this.calls++;
    return this.calls % YIELD_EVERY === 0;
  }

  error(): GraphQLError {
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
 * Wraps every field's resolver of the schema (in place, once) with the budget check and
 * the occasional yield. Requests without a budget in their context are untouched.
 */
export function guardSchema(schema: GraphQLSchema): GraphQLSchema {
  if (guarded.has(schema)) return schema;
  guarded.add(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const budget = (context as { budget?: RequestBudget } | undefined)?.budget;
        if (!budget) return resolve(source, args, context, info);
        if (budget.stopped) throw budget.error();
        if (!budget.tick()) return resolve(source, args, context, info);
        return new Promise<void>((r) => setImmediate(r)).then(() => {
          if (budget.stopped) throw budget.error();
          return resolve(source, args, context, info);
        });
      };
    }
  }
  return schema;
}
