/** The keys module's public surface. */
export { ApiKey } from './api-key.entity';
export {
  createKey,
  findLiveKey,
  hashKey,
  KeyError,
  type KeyGrant,
  type KeyRecord,
  listKeys,
  revokeKey,
} from './keys.service';
export { type Charge, chargeCost, sweepRateWindows } from './rate.service';
export { RateWindow } from './rate-window.entity';
export { isRole, ROLES, type Role } from './roles';
export { ViewerResolver } from './viewer.resolver';
