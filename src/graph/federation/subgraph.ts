/**
 * The graph as an Apollo Federation 2 subgraph (@apollo/subgraph): the type-graphql schema
 * is printed, its entity types get their `@key`, and @apollo/subgraph builds it again with
 * `_service` and `_entities`, every resolver of the original carried over. Normal clients
 * see the same graph plus those two root fields.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  type DirectiveNode,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  graphql,
  Kind,
  lexicographicSortSchema,
  type ObjectTypeDefinitionNode,
  parse,
  printSchema,
  visit,
} from 'graphql';
import { createResolversMap } from 'type-graphql';
import type { GraphContext } from '../context';
import { type EntityType, entitiesGuard } from './entities-guard';

export type { EntityType } from './entities-guard';

/** The federation version the subgraph links; composition and gateways from 2.3 on read it. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

function keyDirective(fields: string): DirectiveNode {
  return {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: 'key' },
    arguments: [
      {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: 'fields' },
        value: { kind: Kind.STRING, value: fields },
      },
    ],
  };
}

/**
 * The printed schema with `@key(fields: …)` on each entity type. Sorted: type-graphql
 * orders fields as their modules were loaded, which differs between entry points.
 */
function withKeys(base: GraphQLSchema, entities: readonly EntityType[]): DocumentNode {
  const keys = new Map(entities.map((e) => [e.typeName, e.key]));
  const document = visit(parse(printSchema(lexicographicSortSchema(base))), {
    ObjectTypeDefinition(node: ObjectTypeDefinitionNode) {
      const key = keys.get(node.name.value);
      if (!key) return undefined;
      keys.delete(node.name.value);
      return { ...node, directives: [...(node.directives ?? []), keyDirective(key)] };
    },
  });
  if (keys.size) throw new Error(`federation: no object type named ${[...keys.keys()].join(', ')}`);
  return document;
}

export function toSubgraph(base: GraphQLSchema, entities: readonly EntityType[]): GraphQLSchema {
  const resolvers = createResolversMap(base) as Record<string, Record<string, unknown>>;
  for (const e of entities) {
    resolvers[e.typeName] = {
      ...resolvers[e.typeName],
      __resolveReference: (reference: Record<string, unknown>, ctx: GraphContext) =>
        e.resolve(String(reference[e.key]), ctx),
    };
  }
  const schema = buildSubgraphSchema({
    typeDefs: [parse(FEDERATION_LINK), withKeys(base, entities)],
    // Type-graphql's map holds scalars and enums too, which the helper's type does not name.
    resolvers: resolvers as never,
  });
  // The representations are checked (shape, type, the caller's role) before any is resolved.
  const field = schema.getQueryType()?.getFields()._entities;
  if (!field?.resolve) throw new Error('federation: the subgraph has no _entities field');
  field.resolve = entitiesGuard(field.resolve as GraphQLFieldResolver<unknown, GraphContext>, entities);
  return schema;
}

/** The SDL a gateway reads from `_service { sdl }` (committed as schema/subgraph.graphql, with a final newline). */
export async function serviceSdl(schema: GraphQLSchema): Promise<string> {
  const result = await graphql({ schema, source: '{ _service { sdl } }' });
  const sdl = (result.data?._service as { sdl?: string } | undefined)?.sdl;
  if (!sdl) throw new Error(`federation: _service gave no sdl (${result.errors?.[0]?.message})`);
  return `${sdl}\n`;
}
