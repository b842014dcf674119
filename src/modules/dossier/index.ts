/** The dossier module's public surface, for other modules. */
export { DossierNode } from './dossier.types';
