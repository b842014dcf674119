import type { SectorData } from './sector-types';
import { AGRICULTURE_SECTORS } from './sectors-agriculture';
import { CULTURE_SECTORS } from './sectors-culture';
import { ECONOMY_SECTORS } from './sectors-economy';
import { HEALTH_SECTORS } from './sectors-health';
import { INDUSTRY_SECTORS } from './sectors-industry';
import { JUSTICE_SECTORS } from './sectors-justice';
import { LAND_SECTORS } from './sectors-land';
import { SOCIAL_SECTORS } from './sectors-social';
import { STATE_SECTORS } from './sectors-state';

/** Every sector with its real procedures, in a fixed order (indexes depend on it). */
export const SECTORS: readonly SectorData[] = [
  ...JUSTICE_SECTORS,
  ...HEALTH_SECTORS,
  ...ECONOMY_SECTORS,
  ...INDUSTRY_SECTORS,
  ...LAND_SECTORS,
  ...AGRICULTURE_SECTORS,
  ...SOCIAL_SECTORS,
  ...CULTURE_SECTORS,
  ...STATE_SECTORS,
];
