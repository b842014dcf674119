/** Runs the report through the graph, as a dashboard would. */
import { graphql } from 'graphql';
import type { GraphContext } from '../../../src/graph/context';
import { hubSchema } from '../../../src/graph/schema';
import { createLogger } from '../../../src/log';
import type { TestDatabase } from '../../support/db';
import { testConfig, testServices } from '../../support/hub';

export const FIGURE_NAMES = [
  'received',
  'carriedOver',
  'newOnline',
  'newDirect',
  'newPostal',
  'resolved',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'withdrawn',
  'inProgress',
  'inProgressWithinDeadline',
  'inProgressOverdue',
  'waitingSupplement',
  'refusedAtReception',
  'undated',
] as const;

export type ReportRow = Record<(typeof FIGURE_NAMES)[number], number> & {
  key: string;
  label: string;
  onlineShare: number | null;
  onTimeShare: number | null;
};

export interface Report {
  from: string;
  to: string;
  rows: ReportRow[];
  total: ReportRow;
}

const ROW = `key label ${FIGURE_NAMES.join(' ')} onlineShare onTimeShare`;

export async function runGraph(db: TestDatabase, source: string, variables: Record<string, unknown> = {}) {
  const config = testConfig();
  const context: GraphContext = {
    em: db.orm.em.fork(),
    principal: {
      name: 'test',
      role: 'ADMIN',
      pii: false,
      metrics: false,
      agency: null,
      ratePerMinute: null,
      via: 'key',
    },
    scope: { agencyCodes: null },
    requestId: 'test',
    log: createLogger('silent'),
    services: testServices(db, config),
    loaders: new Map(),
  };
  return graphql({ schema: await hubSchema(), source, contextValue: context, variableValues: variables });
}

export function reportOf(
  db: TestDatabase,
  args: { document: string },
): Promise<{ data: unknown; errors: unknown }>;
export function reportOf(db: TestDatabase, args: Record<string, unknown>): Promise<Report>;
export async function reportOf(db: TestDatabase, args: Record<string, unknown>): Promise<unknown> {
  if (typeof args.document === 'string') {
    const r = await runGraph(db, args.document);
    return { data: r.data, errors: r.errors };
  }
  const r = await runGraph(
    db,
    `query($period: String, $from: LocalDate, $to: LocalDate, $groupBy: ReportGrouping!, $rule: TimelinessRule,
       $rollUp: Boolean, $filter: DossierReportFilter) {
      dossierReport(period: $period, from: $from, to: $to, groupBy: $groupBy, rule: $rule, rollUp: $rollUp, filter: $filter) {
        from to rows { ${ROW} } total { ${ROW} } } }`,
    { rule: 'PROVINCIAL', rollUp: false, ...args },
  );
  if (r.errors) throw new Error(r.errors.map((e) => e.message).join('; '));
  return (r.data as { dossierReport: Report }).dossierReport;
}

/** The key, label and counts of a row (shares left out). */
export function rowFigures(r: ReportRow) {
  return { key: r.key, label: r.label, ...Object.fromEntries(FIGURE_NAMES.map((f) => [f, r[f]])) };
}

/** How many SQL statements `fn` sends through the test database's ORM. */
export async function countStatements(db: TestDatabase, fn: () => Promise<unknown>): Promise<number> {
  let n = 0;
  const count = () => {
    n++;
  };
  const knex = db.orm.em.getKnex();
  knex.on('query', count);
  try {
    await fn();
  } finally {
    knex.off('query', count);
  }
  return n;
}
