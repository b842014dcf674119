/** Which EntityManager reports read through: the read replica (DATABASE_READ_URL) when one is configured. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphContext } from '../../graph/context';

export function reportEm(ctx: GraphContext): EntityManager {
  return ctx.readEm ?? ctx.em;
}
