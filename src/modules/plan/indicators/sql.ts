/** SQL fragments the indicators share; every statement binds its values, never inlines them. */

/** The local day (Asia/Ho_Chi_Minh, UTC+7 all year) of a timestamptz expression. */
export const localDay = (expr: string): string => `((${expr}) at time zone 'UTC' + interval '7 hours')::date`;

/** `expr` falls on a local day of [from, to]: binds from, to. */
export const inPeriod = (expr: string): string => `${localDay(expr)} between ?::date and ?::date`;

/** A listing of an agency in scope: binds the scope twice (null: every listing). */
export const listingInScope = (alias: string): string =>
  `(?::text[] is null or ${alias}.agency_codes && ?::text[])`;

export const scopeParams = (scope: string[] | null): unknown[] => [scope, scope];
