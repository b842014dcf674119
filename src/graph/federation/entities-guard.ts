/**
 * `_entities` takes its representations as data, not as a query the guard can measure
 * (src/graph/limits): each is checked here before any is resolved. A malformed one or an
 * unknown type is BAD_USER_INPUT (@apollo/subgraph would throw a plain, internal error),
 * and each type needs what its own root field needs (`dossier` for Dossier), so a role
 * reaches nothing through `_entities` that it could not query directly.
 */
import type { GraphQLFieldResolver } from 'graphql';
import { hasCapability, rootFieldCapability } from '../auth';
import type { GraphContext } from '../context';
import { badInput, codedError } from '../errors';

export interface EntityType {
  /** The GraphQL object type. */
  typeName: string;
  /** Its key field (one string field). */
  key: string;
  /** The root field whose access rule the entity follows. */
  sameAccessAs: string;
  /** One reference, resolved through a request loader (one statement per type). */
  resolve(key: string, ctx: GraphContext): Promise<unknown | null>;
}

/** The entity type a representation names, with its key checked; BAD_USER_INPUT otherwise. */
function checkedEntity(byName: ReadonlyMap<string, EntityType>, r: unknown, i: number): EntityType {
  const rep = (r ?? {}) as Record<string, unknown>;
  const entity = typeof rep.__typename === 'string' ? byName.get(rep.__typename) : undefined;
  if (!entity) {
    throw badInput(
      `representations[${i}] names no entity type (${[...byName.keys()].join(', ')})`,
      'representations',
    );
  }
  const key = rep[entity.key];
  if (typeof key !== 'string' || !key.trim() || key.length > 200) {
    throw badInput(`representations[${i}] has no ${entity.key} string`, 'representations');
  }
  return entity;
}

export function entitiesGuard(
  resolve: GraphQLFieldResolver<unknown, GraphContext>,
  entities: readonly EntityType[],
): GraphQLFieldResolver<unknown, GraphContext> {
  const byName = new Map(entities.map((e) => [e.typeName, e]));
  return (source, args, ctx, info) => {
    const representations = (args as { representations: unknown[] }).representations;
    const allowed = new Set<string>();
    representations.forEach((r, i) => {
      const entity = checkedEntity(byName, r, i);
      if (allowed.has(entity.typeName)) return;
      if (!hasCapability(ctx.principal.role, rootFieldCapability(entity.sameAccessAs))) {
        throw codedError(
          'FORBIDDEN',
          `${entity.typeName} entities are not available to the ${ctx.principal.role} role`,
          { type: entity.typeName },
        );
      }
      allowed.add(entity.typeName);
    });
    return resolve(source, args, ctx, info);
  };
}
