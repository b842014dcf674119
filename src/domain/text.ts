/**
 * Text normalization for comparing Vietnamese data across portals (domain.md,
 * "Consistency findings"). Upstream sends NFC or NFD with stray whitespace; those
 * differences are never findings. Diacritics carry meaning, so a difference only in
 * diacritics or case is reported (LOW), never treated as equal.
 */

// `\s` covers every Unicode space separator, NBSP (U+00A0), U+202F, U+3000 and BOM.
const WHITESPACE_RUN = /\s+/g;
const COMBINING_MARKS = /\p{M}+/gu;
// Legacy Vietnamese encodings often produce Ð (U+00D0, Icelandic eth) for Đ (U+0110); they look identical.
const ETH_CAPITAL = /\u00D0/g;

/** NFC, trim, collapse inner whitespace to one space, drop one trailing period. */
export function normalizeText(s: string): string {
  const collapsed = s.normalize('NFC').replace(WHITESPACE_RUN, ' ').trim();
  return collapsed.endsWith('.') ? collapsed.slice(0, -1).trimEnd() : collapsed;
}

/** Strips diacritics (combining marks removed, đ→d, Đ→D) and folds case: for LOW vs MEDIUM name findings. */
export function foldDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ\u00D0]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .toLowerCase();
}

/** Document numbers (`54/2017/NĐ-CP`): NFC, trim, collapse whitespace, upper case. `Đ` and `D` stay distinct. */
export function normalizeDocNumber(s: string): string {
  return s.normalize('NFC').replace(WHITESPACE_RUN, ' ').trim().toUpperCase().replace(ETH_CAPITAL, 'Đ');
}

export type NameComparison = 'EQUAL' | 'DIACRITICS_OR_CASE' | 'DIFFERENT';

/** EQUAL after normalizeText; DIACRITICS_OR_CASE if equal once folded (a LOW finding); else DIFFERENT. */
export function compareNames(a: string, b: string): NameComparison {
  const na = normalizeText(a);
  const nb = normalizeText(b);
  if (na === nb) return 'EQUAL';
  return foldDiacritics(na) === foldDiacritics(nb) ? 'DIACRITICS_OR_CASE' : 'DIFFERENT';
}
