/** zod validation problems as the quarantine shows them: a dotted field and a reason. */
import type { z } from 'zod';

/** A zod issue path as a dotted field: `CACHTHUCTHUCHIEN[0].KENH`, `lichSu[2].thoiGian`. */
export function fieldPath(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    return out === '' ? part : `${out}.${part}`;
  }, '');
}

/** The first problem zod found, as `{ field, reason }`. */
export function firstIssue(error: z.ZodError): { field: string; reason: string } {
  const issue = error.issues[0];
  if (!issue) return { field: '', reason: 'invalid record' };
  return { field: fieldPath(issue.path), reason: issue.message };
}
