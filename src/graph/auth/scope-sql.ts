import { codedError } from '../errors';
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
 * A figure asked for an agency outside the caller's scope is refused (FORBIDDEN, naming
 * the agencies), for every report and figure alike (dossierReport's agency filter,
 * serviceIndex, planProgress, agency.oneStopCoverage). Lists differ on purpose: they
 * filter rows, and another agency's rows are simply absent; a report answered with zeros
 * for an agency that has dossiers would be a wrong figure, so it is not answered.
 */
export function requireInScope(scope: Scope, asked: readonly (string | null | undefined)[]): void {
  const codes = scope.agencyCodes;
  if (!codes) return;
  const outside = asked.filter((c): c is string => Boolean(c) && !codes.includes(c!.trim()));
  if (outside.length)
    throw codedError('FORBIDDEN', `agency ${outside.join(', ')} is outside this key's agency scope`, {
      agencies: outside,
    });
}

/**
 * The agencies a report covers under the caller's scope: a key limited to an agency
 * reports on its own subtree (`own`) unless it asks for agencies inside it (each brings
 * its own subtree, which lies inside the scope); asking for one outside is refused
 * (requireInScope). Null (no agency filter) only for a caller who sees the whole
 * province and asked none.
 */
export function reportAgencies(
  scope: Scope,
  own: string | null,
  asked: readonly string[] | null | undefined,
): string[] | null {
  const codes = scope.agencyCodes;
  if (!codes) return asked ? [...asked] : null;
  if (!asked) return [own ?? codes[0]!];
  requireInScope(scope, asked);
  return asked.map((code) => code.trim());
}

/** The one agency a figure is computed for: the asked one (inside the scope), else the caller's own. */
export function figureAgency(
  scope: Scope,
  own: string | null,
  asked: string | null | undefined,
): string | null {
  requireInScope(scope, [asked]);
  return asked?.trim() || (scope.agencyCodes ? (own ?? scope.agencyCodes[0]!) : null);
}
