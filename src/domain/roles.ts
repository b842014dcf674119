/**
 * The roles an API key or a token can hold. What each reaches is decided in
 * src/graph/auth/access.ts and listed in README "Access and limits".
 */
export const ROLES = ['VIEWER', 'AUDITOR', 'INTEGRATOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * What a stored API key grants: its role, personal data and metrics, an agency it is
 * limited to, and its cost units per minute (null: the hub's default). Made by the keys
 * module (src/modules/keys), read on every request by the graph (src/graph/auth).
 */
export interface KeyGrant {
  name: string;
  role: Role;
  pii: boolean;
  metrics: boolean;
  agencyCode: string | null;
  ratePerMinute: number | null;
}
