/**
 * Measures one operation before it runs: depth, aliases, fields and cost, with fragments
 * expanded and variables known. Run per request (not in validation, whose results Apollo
 * caches per document), so a query refused once is refused every time, whatever its
 * variables.
 *
 * Cost: an object field costs 1 plus its children; a field with `first` multiplies its
 * children by `first` (a connection of 50 costs 50 of its nodes, each at least 1); another list multiplies
 * them by LIST_FACTOR, and `_entities` by the number of representations. Leaves are free, and so is a connection's own structure (edges,
 * node, pageInfo): a page is paid for once, by its `first`. Introspection is measured for depth but not cost:
 * only roles with introspection may send it at all.
 */
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  type InlineFragmentNode,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  type ValueNode,
} from 'graphql';
import { DEFAULT_FIRST, MAX_FIRST } from '../connection';

export const LIST_FACTOR = 5;

export interface OperationMeasure {
  depth: number;
  aliases: number;
  fields: number;
  cost: number;
  /** Root fields by name (after fragments), with the root type. */
  rootFields: string[];
  /** Named types of every field reached. */
  types: Set<string>;
  introspection: boolean;
}

export class TooManyFields extends Error {
  constructor(readonly measure: OperationMeasure) {
    super('too many fields');
  }
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  measure: OperationMeasure;
  fieldCap: number;
}

function intValue(node: ValueNode | undefined, variables: Record<string, unknown>): number | null {
  if (!node) return null;
  if (node.kind === Kind.INT) return Number.parseInt(node.value, 10);
  if (node.kind === Kind.VARIABLE) {
    const v = variables[node.name.value];
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  }
  return null;
}

/** How many representations `_entities` (federation) is sent: each is a node to fetch. */
function listLength(node: ValueNode | undefined, variables: Record<string, unknown>): number | null {
  if (!node) return null;
  if (node.kind === Kind.LIST) return node.values.length;
  if (node.kind === Kind.VARIABLE) {
    const v = variables[node.name.value];
    return Array.isArray(v) ? v.length : null;
  }
  return null;
}

/** A connection's or edge's own fields (edges, node, pageInfo) fetch nothing of their own. */
function structural(parent: GraphQLCompositeType): boolean {
  return parent.name.endsWith('Connection') || parent.name.endsWith('Edge');
}

/** How many times a field's children are fetched. */
function multiplier(
  field: FieldNode,
  def: GraphQLField<unknown, unknown>,
  parent: GraphQLCompositeType,
  w: Walk,
): number {
  if (structural(parent)) return 1;
  if (def.args.some((a) => a.name === 'representations')) {
    const given = listLength(
      field.arguments?.find((a) => a.name.value === 'representations')?.value,
      w.variables,
    );
    return Math.max(1, given ?? 1);
  }
  if (def.args.some((a) => a.name === 'first')) {
    const given = intValue(field.arguments?.find((a) => a.name.value === 'first')?.value, w.variables);
    // Above MAX_FIRST the resolver refuses with BAD_USER_INPUT, which says more than a cost.
    return Math.max(1, Math.min(given ?? DEFAULT_FIRST, MAX_FIRST));
  }
  return isListType(getNullableType(def.type)) ? LIST_FACTOR : 1;
}

function fieldsOf(type: GraphQLCompositeType): Record<string, GraphQLField<unknown, unknown>> | null {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields() : null;
}

/**
 * Where the walk is: the type whose selections it reads, their depth, whether they are
 * under introspection, and the list root field names go to (only at the operation's root).
 */
interface Place {
  parent: GraphQLCompositeType;
  depth: number;
  inIntrospection: boolean;
  rootFields: string[] | null;
}

/** Records one field: its count (capped), alias, depth, root name; whether it is introspection. */
function recordField(sel: FieldNode, { depth, inIntrospection, rootFields }: Place, w: Walk): boolean {
  const name = sel.name.value;
  const m = w.measure;
  m.fields += 1;
  if (m.fields > w.fieldCap) throw new TooManyFields(m);
  if (sel.alias) m.aliases += 1;
  m.depth = Math.max(m.depth, depth);
  rootFields?.push(name);
  const introspection = inIntrospection || name === '__schema' || name === '__type';
  if (introspection) m.introspection = true;
  return introspection;
}

function fieldDefOf(name: string, parent: GraphQLCompositeType): GraphQLField<unknown, unknown> | undefined {
  if (name === '__schema') return SCHEMA_META;
  if (name === '__type') return TYPE_META;
  return fieldsOf(parent)?.[name];
}

/** Cost of one field and what is under it. */
function walkField(sel: FieldNode, at: Place, w: Walk): number {
  if (sel.name.value === '__typename') return 0;
  const { parent } = at;
  const introspection = recordField(sel, at, w);
  const fieldDef = fieldDefOf(sel.name.value, parent);
  if (!fieldDef || !sel.selectionSet) return 0;
  const named = getNamedType(fieldDef.type);
  if (!introspection) w.measure.types.add(named.name);
  if (!isCompositeType(named)) return 0;
  const under: Place = {
    parent: named,
    depth: at.depth + 1,
    inIntrospection: introspection,
    rootFields: null,
  };
  const children = walkSet(sel.selectionSet, under, w);
  if (introspection) return 0;
  const times = multiplier(sel, fieldDef, parent, w);
  // A page's nodes (and federation's entities) cost at least 1 each, even when only
  // their leaves are asked for.
  const paged = fieldDef.args.some((a) => a.name === 'first' || a.name === 'representations');
  return (structural(parent) ? 0 : 1) + times * (paged ? Math.max(1, children) : children);
}

/** The selection set and type a fragment (inline or spread) applies; null when it names none. */
function fragmentOf(
  sel: InlineFragmentNode | FragmentSpreadNode,
  parent: GraphQLCompositeType,
  w: Walk,
): { set: SelectionSetNode; on: GraphQLCompositeType } | null {
  if (sel.kind === Kind.INLINE_FRAGMENT) {
    const on = sel.typeCondition ? w.schema.getType(sel.typeCondition.name.value) : parent;
    return on && isCompositeType(on) ? { set: sel.selectionSet, on } : null;
  }
  const fragment = w.fragments.get(sel.name.value);
  const on = fragment && w.schema.getType(fragment.typeCondition.name.value);
  return fragment && on && isCompositeType(on) ? { set: fragment.selectionSet, on } : null;
}

/** Cost of a selection set; records depth, aliases and types on the way. */
function walkSet(set: SelectionSetNode, at: Place, w: Walk): number {
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      cost += walkField(sel, at, w);
      continue;
    }
    const f = fragmentOf(sel, at.parent, w);
    if (f) cost += walkSet(f.set, { ...at, parent: f.on }, w);
  }
  return cost;
}

const SCHEMA_META = SchemaMetaFieldDef as GraphQLField<unknown, unknown>;
const TYPE_META = TypeMetaFieldDef as GraphQLField<unknown, unknown>;

/**
 * Measures the operation. Throws TooManyFields once more than `fieldCap` fields are
 * reached, so fragments spread into each other cannot make the walk itself expensive.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  fieldCap: number,
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const measure: OperationMeasure = {
    depth: 0,
    aliases: 0,
    fields: 0,
    cost: 0,
    rootFields: [],
    types: new Set(),
    introspection: false,
  };
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return measure;
  const w: Walk = { schema, fragments, variables, measure, fieldCap };
  const top: Place = { parent: root, depth: 1, inIntrospection: false, rootFields: measure.rootFields };
  measure.cost = walkSet(operation.selectionSet, top, w);
  return measure;
}
