import { foldDiacritics, normalizeText } from '../domain/text';

/** What a text search matches: code and name, diacritics and case folded ("dang ky" finds "Đăng ký"). */
export function searchText(...parts: (string | null | undefined)[]): string {
  return foldDiacritics(normalizeText(parts.filter(Boolean).join(' ')));
}

/** A LIKE pattern for a user's search text, with LIKE's wildcards escaped. */
export function searchPattern(query: string): string {
  return `%${searchText(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
