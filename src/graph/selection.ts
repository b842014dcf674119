/**
 * Which fields a request selects below a resolver, so loaders read only the columns that
 * feed them (fragments and inline fragments included; directives are not evaluated, so a
 * `@skip`ped field still counts: reading a column too many is harmless).
 */
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

function collect(
  set: SelectionSetNode | undefined,
  info: GraphQLResolveInfo,
  into: Map<string, FieldNode[]>,
): void {
  if (!set) return;
  for (const s of set.selections) {
    if (s.kind === 'Field') {
      const list = into.get(s.name.value);
      if (list) list.push(s);
      else into.set(s.name.value, [s]);
    } else if (s.kind === 'InlineFragment') {
      collect(s.selectionSet, info, into);
    } else {
      collect(info.fragments[s.name.value]?.selectionSet, info, into);
    }
  }
}

function childFields(nodes: readonly FieldNode[], info: GraphQLResolveInfo): Map<string, FieldNode[]> {
  const out = new Map<string, FieldNode[]>();
  for (const n of nodes) collect(n.selectionSet, info, out);
  return out;
}

/** Names of the fields selected on this resolver's result, or below it along `path` (e.g. `edges`, `node`). */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[] = []): Set<string> {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const step of path) nodes = childFields(nodes, info).get(step) ?? [];
  return new Set(childFields(nodes, info).keys());
}
