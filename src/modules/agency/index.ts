/** The agency module's public surface, for other modules. */
export { AGENCY_VIEW_SQL, Agency } from './agency.entity';
export { agencyLoader, descendantGroups, descendantsLoader } from './agency.resolver';
export { agenciesByCodes, childrenOf, descendantsOf } from './agency.service';
export { AgencyNode } from './agency.types';
