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

/**
 * The agencies a report covers under the caller's scope: a key limited to an agency
 * reports on its own subtree (`own`). Asked agencies outside the scope are dropped (none
 * left: no rows), and each one kept brings only its own subtree, which lies inside it.
 * Null (no agency filter) only for a caller who sees the whole province and asked none.
 */
export function reportAgencies(
  scope: Scope,
  own: string | null,
  asked: readonly string[] | null | undefined,
): string[] | null {
  const codes = scope.agencyCodes;
  if (!codes) return asked ? [...asked] : null;
  if (!asked) return [own ?? codes[0]!];
  return asked.filter((code) => codes.includes(code.trim()));
}
