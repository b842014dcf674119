/** Per-request loaders of procedures, for relations that point at a national code. */
import { byKeys, type GraphContext, loaderFor } from '../../graph/context';
import { proceduresByCodes } from './procedure.service';
import type { Procedure } from './procedure.types';

/** A national code → its Procedure (national or listing-only), null when no portal knows it. */
export function procedureLoader(ctx: GraphContext) {
  return loaderFor<string, Procedure>(ctx, 'procedureByCode', async (codes) =>
    byKeys(codes, await proceduresByCodes(ctx.em, codes), (p) => p.code),
  );
}
