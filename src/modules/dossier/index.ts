/** The dossier module's public surface, for other modules. */
export { dossierLoader } from './dossier.loaders';
export { DossierNode } from './dossier.types';
