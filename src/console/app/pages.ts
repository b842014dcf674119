/**
 * Which pages exist and what each needs of the caller (the `viewer`'s capabilities); the
 * graph refuses the rest anyway, this only keeps the console from offering it.
 */
import type { ViewerCapability } from './graphql/generated';
import type { MessageKey } from './i18n';
import type { Principal } from './session';
import type { PageId } from './url';

export interface PageSpec {
  id: PageId;
  label: MessageKey;
  needs: ViewerCapability;
}

/** In navigation order. */
export const PAGES: readonly PageSpec[] = [
  { id: 'overview', label: 'nav.overview', needs: 'READ' },
  { id: 'findings', label: 'nav.findings', needs: 'FINDINGS' },
  { id: 'reports', label: 'nav.reports', needs: 'READ' },
  { id: 'plan', label: 'nav.plan', needs: 'READ' },
  { id: 'sync', label: 'nav.sync', needs: 'OPERATIONS' },
];

export const can = (p: Principal, c: ViewerCapability) => p.capabilities.includes(c);

export function pageAllowed(page: PageId, principal: Principal): boolean {
  return PAGES.some((p) => p.id === page && can(principal, p.needs));
}

/** Actions that change the hub (start a sync, confirm held deletions). */
export function mayOperate(principal: Principal): boolean {
  return can(principal, 'ADMIN');
}

/** Acknowledging and dismissing findings. */
export function mayReview(principal: Principal): boolean {
  return can(principal, 'REVIEW');
}
