import type { Role } from '../../domain/roles';

/** Who is asking, as every resolver sees it (`ctx.principal`). */
export interface Principal {
  name: string;
  role: Role;
  /** Personal data unmasked (src/graph/personal-data.ts). */
  pii: boolean;
  /** May read /metrics. */
  metrics: boolean;
  /** Limited to this agency and the agencies under it; null for the whole province. */
  agency: string | null;
  /** Cost units per minute; null for no limit (the bootstrap key unless configured). */
  ratePerMinute: number | null;
  via: 'bootstrap' | 'key' | 'token';
}

/**
 * What a request may see of the data: the one place resolvers read a key's agency limit
 * (`ctx.scope`). `agencyCodes` is the agency and all under it, or null for everything.
 */
export interface Scope {
  agencyCodes: readonly string[] | null;
}

export const WHOLE_PROVINCE: Scope = { agencyCodes: null };
