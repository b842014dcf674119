/**
 * What a PostgreSQL error is, read from the fields the server sends (SQLSTATE, constraint
 * name) — never from its message. MikroORM's exceptions copy these fields from pg's error.
 */

/** The SQLSTATE of a PostgreSQL error (`23505` unique violation, `42P04` duplicate database). */
export function sqlStateOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

/** The constraint a violation names, or null. */
export function violatedConstraint(error: unknown): string | null {
  const constraint = (error as { constraint?: unknown } | null)?.constraint;
  return typeof constraint === 'string' ? constraint : null;
}
