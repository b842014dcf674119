/**
 * Which fields a request selects below a resolver, so loaders read only the columns that
 * feed them (fragments and inline fragments included; directives are not evaluated, so a
 * `@skip`ped field still counts: reading a column too many is harmless).
 */
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

type Fragments = Pick<GraphQLResolveInfo, 'fragments'>;

/** `byKey`: group by response key (alias or name) instead of by field name. */
function collect(
  set: SelectionSetNode | undefined,
  info: Fragments,
  into: Map<string, FieldNode[]>,
  byKey = false,
): void {
  if (!set) return;
  for (const s of set.selections) {
    if (s.kind === 'Field') {
      const key = byKey ? (s.alias?.value ?? s.name.value) : s.name.value;
      const list = into.get(key);
      if (list) list.push(s);
      else into.set(key, [s]);
    } else if (s.kind === 'InlineFragment') {
      collect(s.selectionSet, info, into, byKey);
    } else {
      collect(info.fragments[s.name.value]?.selectionSet, info, into, byKey);
    }
  }
}

function childFields(nodes: readonly FieldNode[], info: Fragments, byKey = false): Map<string, FieldNode[]> {
  const out = new Map<string, FieldNode[]>();
  for (const n of nodes) collect(n.selectionSet, info, out, byKey);
  return out;
}

function nodesAt(info: GraphQLResolveInfo, path: readonly string[]): readonly FieldNode[] {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const step of path) nodes = childFields(nodes, info).get(step) ?? [];
  return nodes;
}

/** The fields selected below `path`, by response key: what a list prefetches per alias. */
export function fieldsByKey(info: GraphQLResolveInfo, path: readonly string[]): Map<string, FieldNode[]> {
  return childFields(nodesAt(info, path), info, true);
}

/** Names of the fields selected below these nodes. */
export function fieldsOf(nodes: readonly FieldNode[], info: Fragments): Set<string> {
  return new Set(childFields(nodes, info).keys());
}

/** Names of the fields selected on this resolver's result, or below it along `path` (e.g. `edges`, `node`). */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[] = []): Set<string> {
  return fieldsOf(nodesAt(info, path), info);
}
