/**
 * Access to the graph: who is asking (stored keys, the bootstrap key, OIDC tokens), what
 * their role reaches, and the agency scope of their data.
 */

export type { Capability } from './access';
export {
  CAPABILITY_NAMES,
  capabilitiesOf,
  hasCapability,
  rolesForRootField,
  rootFieldCapability,
  seesSuggestions,
  typeCapability,
} from './access';
export { type AuthOptions, authenticate, type Credentials, type StoredGrant, scopeOf } from './authenticate';
export { oidcVerifier } from './oidc';
export { type Principal, type Scope, WHOLE_PROVINCE } from './principal';
export { agencyScopeSql, figureAgency, inAgencyScope, reportAgencies, requireInScope } from './scope-sql';
