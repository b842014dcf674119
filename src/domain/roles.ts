/**
 * The roles an API key or a token can hold. What each reaches is decided in
 * src/graph/auth/access.ts and listed in README "Access and limits".
 */
export const ROLES = ['VIEWER', 'AUDITOR', 'INTEGRATOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
