/** Which pages exist and which roles may open them (the graph refuses the rest anyway). */
import type { MessageKey } from './i18n';
import type { Role } from './session';
import type { PageId } from './url';

export interface PageSpec {
  id: PageId;
  label: MessageKey;
  roles: readonly Role[];
}

const EVERYONE: readonly Role[] = ['VIEWER', 'AUDITOR', 'INTEGRATOR', 'ADMIN'];

/** In navigation order. Pages whose backend the hub does not have yet are not listed. */
export const PAGES: readonly PageSpec[] = [
  { id: 'overview', label: 'nav.overview', roles: EVERYONE },
  { id: 'findings', label: 'nav.findings', roles: ['AUDITOR', 'INTEGRATOR', 'ADMIN'] },
  { id: 'reports', label: 'nav.reports', roles: EVERYONE },
  { id: 'plan', label: 'nav.plan', roles: EVERYONE },
  { id: 'sync', label: 'nav.sync', roles: ['INTEGRATOR', 'ADMIN'] },
];

export function pageAllowed(page: PageId, role: Role): boolean {
  return PAGES.some((p) => p.id === page && p.roles.includes(role));
}

/** Actions that change the hub (sync, confirm deletions). */
export function mayOperate(role: Role): boolean {
  return role === 'ADMIN';
}

/** Acknowledging and dismissing findings. */
export function mayReview(role: Role): boolean {
  return role === 'AUDITOR' || role === 'ADMIN';
}
