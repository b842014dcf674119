/** The agency module's public surface, for other modules. */
export { Agency } from './agency.entity';
export { agencyLoader } from './agency.resolver';
export { agenciesByCodes, childrenOf } from './agency.service';
export { AgencyNode } from './agency.types';
