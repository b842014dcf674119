/**
 * Indicators read from the consistency findings (issue 10's `finding` table): their open
 * count in scope. Before any check run has succeeded there are no findings to trust, so
 * these are NOT_MEASURABLE then, never 0.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../../db/sql';
import { agencyInScope, listingInScope, OPEN_FINDING, scopeParams } from './sql';
import type { Figure, IndicatorInput } from './types';

/** Kinds about a procedure or listing (not dossiers or feedback): "the portals agree". */
export const PROCEDURE_FINDING_KINDS = [
  'MISSING_IN_PROVINCE',
  'MISSING_IN_NATIONAL',
  'ABOLISHED_BUT_LISTED',
  'NAME_MISMATCH',
  'PROCESSING_TIME_MISMATCH',
  'FEE_MISMATCH',
  'LEVEL_MISMATCH',
  'ONLINE_LEVEL_MISMATCH',
  'LEGAL_BASIS_MISMATCH',
  'PUBLICATION_LATE',
  'DUPLICATE_LISTING',
] as const;

async function checksHaveRun(em: EntityManager): Promise<boolean> {
  const [row] = await query<{ n: number }>(
    em,
    `select count(*)::int as n from check_run where status = 'SUCCEEDED'`,
  );
  return (row?.n ?? 0) > 0;
}

async function openByKind(input: IndicatorInput, kinds: readonly string[]): Promise<Map<string, number>> {
  const rows = await query<{ kind: string; n: number }>(
    input.em,
    `select kind, count(*)::int as n from finding
      where ${OPEN_FINDING} and kind = any(?::text[]) and ${agencyInScope('agency_code')}
      group by kind order by kind`,
    [[...kinds], ...scopeParams(input.scope)],
  );
  return new Map(rows.map((r) => [r.kind, r.n]));
}

function countFigure(counts: Map<string, number>): Figure {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return {
    value: total,
    numerator: total,
    denominator: null,
    detail: counts.size ? [...counts].map(([k, n]) => `${k} ${n}`).join(', ') : null,
    parts: [...counts].map(([label, n]) => ({ label, value: n, numerator: n, denominator: null })),
  };
}

const NOT_MEASURED: Figure = {
  value: null,
  numerator: null,
  denominator: null,
  detail: 'no check run has succeeded yet',
};

export async function publicationLateFindings(input: IndicatorInput): Promise<Figure> {
  if (!(await checksHaveRun(input.em))) return NOT_MEASURED;
  return countFigure(await openByKind(input, ['PUBLICATION_LATE']));
}

export async function portalsOpenFindings(input: IndicatorInput): Promise<Figure> {
  if (!(await checksHaveRun(input.em))) return NOT_MEASURED;
  return countFigure(await openByKind(input, PROCEDURE_FINDING_KINDS));
}

/** Active listings whose time is shorter than every national one: open INFO processing-time findings. */
export async function processingTimeShorter(input: IndicatorInput): Promise<Figure> {
  if (!(await checksHaveRun(input.em))) return NOT_MEASURED;
  const [row] = await query<{ shorter: number; listings: number }>(
    input.em,
    `select count(*) filter (where exists (
              select 1 from finding f where f.kind = 'PROCESSING_TIME_MISMATCH' and f.severity = 'INFO'
                and f.${OPEN_FINDING} and f.subject_code = l.code))::int as shorter,
            count(*)::int as listings
       from provincial_listing l
      where l.deleted_at is null and l.active and ${listingInScope('l')}`,
    scopeParams(input.scope),
  );
  const { shorter, listings } = row!;
  return { value: listings ? shorter / listings : null, numerator: shorter, denominator: listings };
}
