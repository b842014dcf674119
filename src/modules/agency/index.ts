/** The agency module's public surface, for other modules. */
export { Agency } from './agency.entity';
export { agenciesByCodes, childrenOf } from './agency.service';
export { AgencyNode } from './agency.types';
