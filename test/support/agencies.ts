/** The simulated world's agency hierarchy, for expectations computed apart from the hub. */
import type { WorldAgency } from '../../connectors/sim/world/types';

/** The agency and every agency under it, by the world's parent codes. */
export function agencySubtree(root: string, all: readonly WorldAgency[]): Set<string> {
  const codes = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const a of all)
      if (a.parentCode && codes.has(a.parentCode) && !codes.has(a.code)) {
        codes.add(a.code);
        grew = true;
      }
  }
  return codes;
}
