import type { Scope } from './principal';

/**
 * The SQL condition limiting rows to the request's agency scope, for any list whose rows
 * belong to an agency (dossiers, feedback, findings, report rows). Nothing for a caller
 * who sees the whole province; rows without an agency stay out of a limited scope.
 */
export function agencyScopeSql(
  column: string,
  agencyCodes: Scope['agencyCodes'] | undefined,
): { sql: string[]; params: unknown[] } {
  if (!agencyCodes) return { sql: [], params: [] };
  return { sql: [`${column} = any(?::text[])`], params: [[...agencyCodes]] };
}

/** Whether one agency-owned record is inside the scope (for lookups by code). */
export function inAgencyScope(
  agencyCode: string | null,
  agencyCodes: Scope['agencyCodes'] | undefined,
): boolean {
  return !agencyCodes || (agencyCode !== null && agencyCodes.includes(agencyCode));
}
