/**
 * Reading back a checkpoint a walk wrote (Page.checkpoint): JSON, then the walk's own zod
 * schema. Anything else (an older shape, a hand-edited row) reads as null and the walk
 * starts over: slower, never wrong.
 */
import { z } from 'zod';

const json = z.string().transform((text, ctx): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'not JSON' });
    return z.NEVER;
  }
});

export function decodeCheckpoint<T>(
  text: string | null,
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
): T | null {
  if (text === null) return null;
  const parsed = json.pipe(schema).safeParse(text);
  return parsed.success ? parsed.data : null;
}

/** An ISO instant as epoch ms. */
export const instantMs = z.string().transform((text, ctx) => {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'not an instant' });
    return z.NEVER;
  }
  return ms;
});
