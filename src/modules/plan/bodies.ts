import type { Level } from '../../domain/model';
import { foldDiacritics } from '../../domain/text';
import type { PlanBodyText } from './plan.model';

/**
 * Splits a lead or partner cell into bodies. The plan lists them as `- A; - B` or
 * `- A - B`; a body may carry a scope note in parentheses, which may itself contain
 * commas, so splitting happens only outside parentheses. A lone `-` means "none".
 */
export function splitBodies(cell: string): PlanBodyText[] {
  const flat = cell.normalize('NFC').replace(/\s+/g, ' ').trim();
  return splitOutsideParentheses(flat)
    .map((item) =>
      item
        .replace(/^[-–]\s*/, '')
        .replace(/[.;,]+$/, '')
        .trim(),
    )
    .filter((item) => item !== '' && item !== '-')
    .flatMap(readBody);
}

function splitOutsideParentheses(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === ';' || isBulletDash(s, i))) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

/** A dash that starts an item: at the start or after a space, followed by a space (not `TT-VPCP`). */
function isBulletDash(s: string, i: number): boolean {
  return (s[i] === '-' || s[i] === '–') && (i === 0 || s[i - 1] === ' ') && s[i + 1] === ' ';
}

interface Category {
  /** Folded (no diacritics, lower case) phrase as it starts the body. */
  folded: RegExp;
  level: Level | null;
}

/**
 * Category phrases: a level's agencies, or a group naming nobody in particular. Matched
 * on folded text so `UBND cấp huyện` and `Ủy ban nhân dân cấp huyện` meet.
 */
const CATEGORIES: Category[] = [
  { folded: /^cac so, ban, nganh(?: (?:lien quan|thuoc tinh|cua tinh))?/, level: 'PROVINCE' },
  { folded: /^(?:ubnd|uy ban nhan dan) (?:cap huyen|cac huyen, thi xa, thanh pho)/, level: 'DISTRICT' },
  { folded: /^(?:ubnd|uy ban nhan dan) (?:cap xa|cac xa, phuong, thi tran)/, level: 'COMMUNE' },
  { folded: /^cac co quan(?:, don vi)?(?:, dia phuong)?(?: co)?(?: lien quan)?$/, level: null },
  { folded: /^cac co quan, don vi(?:, dia phuong)?(?: lien quan)?$/, level: null },
  { folded: /^co quan trung uong dong tren dia ban tinh$/, level: null },
];

function readBody(item: string): PlanBodyText[] {
  const { name, note } = splitNote(item);
  const categories = readCategories(name);
  if (categories) return categories.map((c) => ({ ...c, note }));
  return [{ text: name, note, kind: 'NAMED', level: null }];
}

function splitNote(item: string): { name: string; note: string | null } {
  const m = /^(.*?)\s*\((.*)\)$/.exec(item);
  if (!m || m[1] === '') return { name: item, note: null };
  return { name: m[1]!.trim(), note: m[2]!.trim() };
}

/**
 * A body made only of category phrases separated by commas (`Các sở, ban, ngành, UBND
 * cấp huyện`) becomes one body per phrase; anything else is null (a named body).
 */
function readCategories(name: string): PlanBodyText[] | null {
  // foldDiacritics keeps the string's length for Vietnamese NFC text only when each
  // precomposed letter folds to one letter, which holds: slice positions stay aligned.
  const folded = foldDiacritics(name);
  if (folded.length !== name.length) return null;
  const found: PlanBodyText[] = [];
  let at = 0;
  while (at < name.length) {
    const rest = folded.slice(at);
    const category = CATEGORIES.find((c) => c.folded.test(rest));
    if (!category) return null;
    const length = category.folded.exec(rest)![0].length;
    const text = name.slice(at, at + length);
    found.push({ text, note: null, kind: category.level ? 'LEVEL' : 'GROUP', level: category.level });
    at += length;
    const separator = /^,\s*/.exec(folded.slice(at));
    if (at < name.length && !separator) return null;
    at += separator ? separator[0].length : 0;
  }
  return found.length ? found : null;
}
