/**
 * Indicators read from the consistency findings through the check module's public
 * surface (issue 10): the open findings (every status but RESOLVED) of the agencies in
 * scope, as the graph's `findings` filter selects them. Before any check run has
 * succeeded there are no findings to trust, so these are NOT_MEASURABLE then, never 0.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../../db/sql';
import { FINDING_STATUSES, type FindingKind } from '../../../domain/finding';
import { type FindingFilter, findingsForExport } from '../../check';
import { listingInScope, scopeParams } from './sql';
import type { Figure, IndicatorInput } from './types';

/** Kinds about a procedure or listing (not dossiers or feedback): "the portals agree". */
export const PROCEDURE_FINDING_KINDS: FindingKind[] = [
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
];

const OPEN = FINDING_STATUSES.filter((s) => s !== 'RESOLVED');

async function checksHaveRun(em: EntityManager): Promise<boolean> {
  const [row] = await query<{ n: number }>(
    em,
    `select count(*)::int as n from check_run where status = 'SUCCEEDED'`,
  );
  return (row?.n ?? 0) > 0;
}

function openFindings(input: IndicatorInput, filter: Omit<FindingFilter, 'status' | 'agency'>) {
  return findingsForExport(input.em, { ...filter, status: OPEN, agency: input.scope });
}

async function countByKind(input: IndicatorInput, kinds: FindingKind[]): Promise<Figure> {
  if (!(await checksHaveRun(input.em))) return NOT_MEASURED;
  const counts = new Map<string, number>();
  for (const f of await openFindings(input, { kind: kinds }))
    counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  const sorted = [...counts].sort(([a], [b]) => (a < b ? -1 : 1));
  const total = sorted.reduce((n, [, c]) => n + c, 0);
  return {
    value: total,
    numerator: total,
    denominator: null,
    detail: sorted.length ? sorted.map(([k, n]) => `${k} ${n}`).join(', ') : null,
    parts: sorted.map(([label, n]) => ({ label, value: n, numerator: n, denominator: null })),
  };
}

const NOT_MEASURED: Figure = {
  value: null,
  numerator: null,
  denominator: null,
  detail: 'no check run has succeeded yet',
};

/** Task 1: open PUBLICATION_LATE findings. */
export const publicationLateFindings = (input: IndicatorInput) => countByKind(input, ['PUBLICATION_LATE']);

/** Tasks 3 and 5: open procedure findings, by kind. */
export const portalsOpenFindings = (input: IndicatorInput) => countByKind(input, PROCEDURE_FINDING_KINDS);

/** Task 7: active listings whose time is shorter than every national one (open INFO processing-time findings). */
export async function processingTimeShorter(input: IndicatorInput): Promise<Figure> {
  if (!(await checksHaveRun(input.em))) return NOT_MEASURED;
  const shorterCodes = (
    await openFindings(input, { kind: ['PROCESSING_TIME_MISMATCH'], severity: ['INFO'] })
  ).map((f) => f.subjectCode);
  const [row] = await query<{ shorter: number; listings: number }>(
    input.em,
    `select count(*) filter (where l.code = any(?::text[]))::int as shorter, count(*)::int as listings
       from provincial_listing l
      where l.deleted_at is null and l.active and ${listingInScope('l')}`,
    [shorterCodes, ...scopeParams(input.scope)],
  );
  const { shorter, listings } = row!;
  return { value: listings ? shorter / listings : null, numerator: shorter, denominator: listings };
}
