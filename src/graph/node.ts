/**
 * Roots of types that have field resolvers. type-graphql copies a plain root into a new
 * instance of the field's class before every field resolver it calls (`convertToType`);
 * a root that already is an instance is passed as is, so a page of 50 dossiers asking for
 * four relations costs 50 objects, not 250.
 */
import type { ClassType } from 'type-graphql';

export function asNode<T extends object>(type: ClassType<T>, fields: T): T {
  return Object.assign(Object.create(type.prototype) as T, fields);
}
