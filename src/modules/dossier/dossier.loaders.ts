/** Per-request loaders of dossiers, for lookups by code (federation's entity references). */
import { byKeys, type GraphContext, loaderFor } from '../../graph/context';
import { dossiersByCodes } from './dossier.service';
import type { DossierNode } from './dossier.types';

/** A dossier code → its dossier, null when unknown, deleted or outside the caller's agency scope. */
export function dossierLoader(ctx: GraphContext) {
  return loaderFor<string, DossierNode>(ctx, 'dossierByCode', async (codes) =>
    byKeys(codes, await dossiersByCodes(ctx.em, codes, ctx.scope.agencyCodes), (d) => d.code),
  );
}
