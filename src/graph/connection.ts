/**
 * Relay connections with keyset cursors: a page costs the same at row 10 and at row
 * 1,000,000. `first` defaults to 50; more than 500 is an error, never a silent clamp.
 */
import type { ClassType } from 'type-graphql';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { badInput } from './errors';

export const DEFAULT_FIRST = 50;
export const MAX_FIRST = 500;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many items, 0 to ${MAX_FIRST} (default ${DEFAULT_FIRST}).`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return items after this cursor (from pageInfo.endCursor).',
  })
  after?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  /**
   * A promise when `first` is 0 and it is worked out only on demand. Not a simple
   * property: graphql-jit awaits only what a resolver returns (src/graph/executor.ts).
   */
  @Field(() => Boolean, { simple: false }) hasNextPage!: boolean | Promise<boolean>;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export function validateFirst(first: number | null | undefined): number {
  const n = first ?? DEFAULT_FIRST;
  if (!Number.isInteger(n) || n < 0 || n > MAX_FIRST) {
    throw badInput(
      `first must be between 0 and ${MAX_FIRST} (got ${n}); page with after: pageInfo.endCursor`,
      'first',
    );
  }
  return n;
}

/**
 * A cursor is the row's sort key, prefixed with the list (and order) it came from, opaque
 * to clients: a cursor handed to another list, or to the same list in another order, is
 * refused instead of silently paging from a wrong place.
 */
export function encodeCursor(list: string, key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify([list, ...key])).toString('base64url');
}

/** The key after `list`'s tag; BAD_USER_INPUT for anything this list did not give out. */
export function decodeCursor(
  cursor: string | null | undefined,
  list: string,
  arity: number,
): unknown[] | null {
  if (cursor == null) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity + 1 && key[0] === list) return key.slice(1);
  } catch {
    /* fall through */
  }
  throw badInput(
    'after is not a cursor this list gave out (in this order); use pageInfo.endCursor from the previous page',
    'after',
  );
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  /** A getter: counted only when a query asks for it. */
  readonly totalCount: Promise<number>;
}

export interface ConnectionParts<T> {
  /** The cursor tag: the list and its order. */
  list: string;
  /** `first + 1` fetched rows (the extra one tells hasNextPage); none when `first` is 0. */
  rows: T[];
  first: number;
  hadCursor: boolean;
  keyOf: (row: T) => readonly unknown[];
  count: () => Promise<number>;
  /** With `first: 0` no page is read; whether a row follows is asked only if a query wants it. */
  more?: () => Promise<boolean>;
}

/** An edge whose cursor is encoded only if a query asks for it (most lists ask for pageInfo only). */
class LazyEdge<T> {
  constructor(
    readonly node: T,
    private readonly list: string,
    private readonly keyOf: (row: T) => readonly unknown[],
  ) {}
  get cursor(): string {
    return encodeCursor(this.list, this.keyOf(this.node));
  }
}

/**
 * pageInfo with its cursors encoded only if a query asks for them, and getters on the
 * prototype: an object literal with getters cost more to build than a dashboard count's
 * whole resolve (issue 9).
 */
class LazyPageInfo<T> {
  private more: Promise<boolean> | null = null;
  constructor(
    private readonly c: ConnectionParts<T>,
    private readonly edges: LazyEdge<T>[],
  ) {}
  get hasNextPage(): boolean | Promise<boolean> {
    const { c } = this;
    if (c.first > 0 || !c.more) return c.rows.length > c.first;
    this.more ??= c.more();
    return this.more;
  }
  get hasPreviousPage(): boolean {
    return this.c.hadCursor;
  }
  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }
  get endCursor(): string | null {
    return this.edges.at(-1)?.cursor ?? null;
  }
}

class LazyConnection<T> implements Connection<T> {
  readonly edges: LazyEdge<T>[];
  private info: LazyPageInfo<T> | null = null;
  private total: Promise<number> | null = null;
  constructor(private readonly c: ConnectionParts<T>) {
    this.edges = c.rows.slice(0, c.first).map((node) => new LazyEdge(node, c.list, c.keyOf));
  }
  get pageInfo(): PageInfo {
    this.info ??= new LazyPageInfo(this.c, this.edges);
    return this.info;
  }
  /** Counted only when a query asks for it. */
  get totalCount(): Promise<number> {
    this.total ??= this.c.count();
    return this.total;
  }
}

export function toConnection<T>(c: ConnectionParts<T>): Connection<T> {
  return new LazyConnection(c);
}
/** Declares `<Name>Connection` and `<Name>Edge` for a node type. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field(() => String) cursor!: string;
    @Field(() => node) node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class ConnectionClass {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    /** A promise (a getter): not a simple property, so graphql-jit awaits it. */
    @Field(() => Int, { simple: false, description: 'How many items match, across all pages.' })
    totalCount!: number;
  }
  return ConnectionClass;
}
