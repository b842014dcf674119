/**
 * The hub's federation entities: other subgraphs may point at a procedure, an agency or a
 * dossier by code, and the gateway asks the hub for them through `_entities`. Each type
 * resolves through the loader its own relations use (one statement per type per request),
 * so agency scope and personal-data masking are exactly those of the normal fields.
 */
import { agencyLoader } from '../../modules/agency';
import { dossierLoader } from '../../modules/dossier';
import { procedureLoader } from '../../modules/procedure';
import type { EntityType } from './subgraph';

export const HUB_ENTITIES: readonly EntityType[] = [
  {
    typeName: 'Procedure',
    key: 'code',
    sameAccessAs: 'procedures',
    resolve: (code, ctx) => procedureLoader(ctx).load(code.trim()),
  },
  {
    typeName: 'Agency',
    key: 'code',
    sameAccessAs: 'agencies',
    resolve: (code, ctx) => agencyLoader(ctx).load(code.trim()),
  },
  {
    typeName: 'Dossier',
    key: 'code',
    sameAccessAs: 'dossiers',
    resolve: (code, ctx) => dossierLoader(ctx).load(code.trim()),
  },
];
