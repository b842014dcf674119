/**
 * A connection under a parent (`procedure.dossiers`, `agency.feedbacks`, …), batched:
 * every parent asking with the same arguments shares one statement for the pages, one for
 * the counts (when asked) and, for `first: 0` after a cursor, one to tell hasNextPage.
 */
import { type Connection, toConnection } from './connection';
import { type GraphContext, loaderFor } from './context';

/** Each parent key → the codes its rows belong to (itself, or an agency and those below it). */
export type Groups = ReadonlyMap<string, readonly string[]>;

export interface NestedConnection<T> {
  /** Identifies the arguments: parents with the same signature share statements. */
  signature: string;
  /** Identifies what the count depends on (the filter, not the page). */
  countSignature: string;
  key: string;
  first: number;
  after: string | null;
  list: string;
  keyOf: (row: T) => readonly unknown[];
  groups: (keys: readonly string[]) => Promise<Groups>;
  pages: (groups: Groups, first: number) => Promise<Map<string, T[]>>;
  counts: (groups: Groups) => Promise<Map<string, number>>;
}

export async function nestedConnection<T>(ctx: GraphContext, n: NestedConnection<T>): Promise<Connection<T>> {
  const batch = (name: string, first: number) =>
    loaderFor<string, T[]>(ctx, `${name}:${n.signature}`, async (keys) => {
      const byParent = await n.pages(await n.groups(keys), first);
      return keys.map((k) => byParent.get(k) ?? []);
    });
  const counts = loaderFor<string, number>(ctx, `count:${n.countSignature}`, async (keys) => {
    const byParent = await n.counts(await n.groups(keys));
    return keys.map((k) => byParent.get(k) ?? 0);
  });
  const rows = n.first === 0 ? [] : ((await batch('page', n.first).load(n.key)) ?? []);
  return toConnection({
    list: n.list,
    rows,
    first: n.first,
    hadCursor: n.after !== null,
    keyOf: n.keyOf,
    more: async () =>
      n.after !== null
        ? ((await batch('peek', 1).load(n.key)) ?? []).length > 0
        : ((await counts.load(n.key)) ?? 0) > 0,
    count: async () => (await counts.load(n.key)) ?? 0,
  });
}

/** The groups loader for parents that stand for themselves. */
export const ownCodes = async (keys: readonly string[]): Promise<Groups> =>
  new Map(keys.map((k) => [k, [k]]));
