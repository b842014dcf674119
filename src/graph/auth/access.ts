/**
 * What each role may reach. Roles grant capabilities; every root field, and every type that
 * carries sensitive records wherever it is nested (a Finding under `procedure.findings`),
 * needs one. A root field missing from the table needs ADMIN: new fields are closed until
 * someone decides who sees them (and the README table, checked by a test, says so).
 */
import type { Role } from '../../domain/roles';

export type Capability =
  /** Procedures, agencies, listings, dossiers, feedback, reports, plans, source status. */
  | 'read'
  /** Consistency findings. */
  | 'findings'
  /** Acknowledging and dismissing findings. */
  | 'review'
  /** The sync ledger and quarantined upstream records. */
  | 'operations'
  /** Introspection and field suggestions in errors. */
  | 'introspection'
  /** Syncs, checks, deletions, keys. */
  | 'admin';

const CAPABILITIES: Record<Role, readonly Capability[]> = {
  VIEWER: ['read'],
  AUDITOR: ['read', 'findings', 'review'],
  INTEGRATOR: ['read', 'findings', 'operations', 'introspection'],
  ADMIN: ['read', 'findings', 'review', 'operations', 'introspection', 'admin'],
};

/** Every capability, in the order a client would show them. */
export const CAPABILITY_NAMES: readonly Capability[] = [
  'read',
  'findings',
  'review',
  'operations',
  'introspection',
  'admin',
];

/** What a role may do, for the `viewer` field (so a client follows it instead of guessing). */
export function capabilitiesOf(role: Role): readonly Capability[] {
  return CAPABILITIES[role];
}

export function hasCapability(role: Role, capability: Capability): boolean {
  return CAPABILITIES[role].includes(capability);
}

/** Root fields (Query and Mutation) and the capability each needs. */
export const ROOT_FIELDS: Record<string, Capability> = {
  procedures: 'read',
  procedure: 'read',
  agencies: 'read',
  agency: 'read',
  provincialListing: 'read',
  dossiers: 'read',
  dossier: 'read',
  feedbacks: 'read',
  feedback: 'read',
  sources: 'read',
  dossierReport: 'read',
  feedbackReport: 'read',
  serviceIndex: 'read',
  plans: 'read',
  plan: 'read',
  planProgress: 'read',
  findings: 'findings',
  finding: 'findings',
  findingSummary: 'findings',
  checkRuns: 'findings',
  checkRun: 'findings',
  syncRuns: 'operations',
  syncRun: 'operations',
  quarantinedRecords: 'operations',
  acknowledgeFinding: 'review',
  dismissFinding: 'review',
  runSync: 'admin',
  runChecks: 'admin',
  confirmDeletions: 'admin',
  // Everyone may ask who they are: the console reads it at sign-in.
  viewer: 'read',
  // Federation (src/graph/federation): the subgraph SDL is schema knowledge, like
  // introspection; each entity type in `_entities` also needs what its own root field needs.
  _service: 'introspection',
  _entities: 'read',
};

/** Types that need a capability wherever they appear (by name prefix). */
const TYPE_PREFIXES: [string, Capability][] = [
  ['Finding', 'findings'],
  ['CheckRun', 'findings'],
  ['SyncRun', 'operations'],
  ['QuarantinedRecord', 'operations'],
];

export function rootFieldCapability(field: string): Capability {
  return ROOT_FIELDS[field] ?? 'admin';
}

export function typeCapability(typeName: string): Capability | null {
  for (const [prefix, capability] of TYPE_PREFIXES) if (typeName.startsWith(prefix)) return capability;
  return null;
}

/** The roles that may use a root field, for the README table. */
export function rolesForRootField(field: string): Role[] {
  const needed = rootFieldCapability(field);
  return (Object.keys(CAPABILITIES) as Role[]).filter((r) => hasCapability(r, needed));
}

/** Whether errors may name schema fields ("Did you mean …?"): only roles that may introspect. */
export function seesSuggestions(ctx: { principal: { role: Role } }): boolean {
  return hasCapability(ctx.principal.role, 'introspection');
}
