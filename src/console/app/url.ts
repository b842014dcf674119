/**
 * The address is the console's state: /console/<page>?<filters and period>, so a link
 * can be shared and the back button works.
 */
import { useSyncExternalStore } from 'react';

export type PageId = 'overview' | 'findings' | 'reports' | 'plan' | 'sync';
export const PAGE_IDS: readonly PageId[] = ['overview', 'findings', 'reports', 'plan', 'sync'];
const BASE = '/console/';

export interface Location {
  page: PageId;
  params: URLSearchParams;
}

function read(): Location {
  const rest = window.location.pathname.startsWith(BASE) ? window.location.pathname.slice(BASE.length) : '';
  const first = rest.split('/')[0] ?? '';
  const page = (PAGE_IDS as readonly string[]).includes(first) ? (first as PageId) : 'overview';
  return { page, params: new URLSearchParams(window.location.search) };
}

let current = read();
const listeners = new Set<() => void>();
function changed() {
  current = read();
  for (const l of listeners) l();
}
window.addEventListener('popstate', changed);

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLocation(): Location {
  return useSyncExternalStore(subscribe, () => current);
}

export function pageHref(page: PageId, params?: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v) search.set(k, v);
  const q = search.toString();
  return `${BASE}${page}${q ? `?${q}` : ''}`;
}

export function navigate(href: string, replace = false): void {
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  changed();
}

/** Sets (or, with null or '', removes) some parameters of the current page. */
export function setParams(patch: Record<string, string | null | undefined>): void {
  const { page, params } = read();
  const next = Object.fromEntries(params);
  for (const [k, v] of Object.entries(patch)) {
    if (v) next[k] = v;
    else delete next[k];
  }
  navigate(pageHref(page, next));
}
