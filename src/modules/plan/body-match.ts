import type { Level } from '../../domain/model';
import { normalizeText } from '../../domain/text';
import type { PlanBodyText } from './plan.model';

export interface AgencyRef {
  code: string;
  name: string;
  level: Level | null;
  parentCode: string | null;
}

export interface MatchedBody extends PlanBodyText {
  /** The agency a NAMED body is, when exactly one agency has its name. */
  agencyCode: string | null;
  /** Every agency the body stands for: its own agency, or all of a LEVEL body's level. */
  agencyCodes: string[];
}

/**
 * Matches plan bodies to the province's agencies. A named body matches the one agency
 * whose name is the same after normalization, with `UBND` read as `Ủy ban nhân dân`, the
 * old tone placement `Uỷ` as `Ủy`, and a trailing `tỉnh` or `tỉnh <province>` dropped
 * (the plan says `Văn phòng UBND tỉnh`, iGate `Văn phòng Ủy ban nhân dân tỉnh`). Two
 * agencies with the same name match neither: guessing would credit the wrong one.
 * A LEVEL body stands for every agency of its level; for PROVINCE that is the
 * departments, not the province's People's Committee itself (the root of the tree).
 */
export function bodyMatcher(agencies: readonly AgencyRef[], province: string) {
  const byKey = new Map<string, AgencyRef[]>();
  for (const a of agencies) {
    const key = nameKey(a.name, province);
    byKey.set(key, [...(byKey.get(key) ?? []), a]);
  }
  const byLevel = new Map<Level, string[]>();
  for (const a of agencies) {
    if (!a.level || (a.level === 'PROVINCE' && a.parentCode === null)) continue;
    byLevel.set(a.level, [...(byLevel.get(a.level) ?? []), a.code]);
  }
  return (body: PlanBodyText): MatchedBody => {
    if (body.kind === 'LEVEL' && body.level) {
      return { ...body, agencyCode: null, agencyCodes: [...(byLevel.get(body.level) ?? [])].sort() };
    }
    if (body.kind !== 'NAMED') return { ...body, agencyCode: null, agencyCodes: [] };
    const found = byKey.get(nameKey(body.text, province)) ?? [];
    const one = found.length === 1 ? found[0]! : null;
    return {
      ...body,
      level: one?.level ?? null,
      agencyCode: one?.code ?? null,
      agencyCodes: one ? [one.code] : [],
    };
  };
}

/** Named bodies no agency matched, each once, in the order first met. */
export function unmatchedNames(bodies: readonly MatchedBody[]): string[] {
  return [...new Set(bodies.filter((b) => b.kind === 'NAMED' && !b.agencyCode).map((b) => b.text))];
}

export function nameKey(name: string, province: string): string {
  const provinceKey = normalizeText(province).toLocaleLowerCase('vi');
  let key = normalizeText(name)
    .toLocaleLowerCase('vi')
    .replace(/uỷ/g, 'ủy')
    .replace(/(^|\s)ubnd(?=\s|$)/g, '$1ủy ban nhân dân');
  if (provinceKey && key.endsWith(` tỉnh ${provinceKey}`)) key = key.slice(0, -(provinceKey.length + 1));
  return key.replace(/ tỉnh$/, '');
}
