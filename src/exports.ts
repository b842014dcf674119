/**
 * The hub's exports over HTTP, for the console's download buttons: the same xlsx files
 * the CLI writes (`hub check --format xlsx`), for the filter the console shows. Same key
 * (X-API-Key) and the same coded errors as the graph.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Orm } from './db/orm';
import { HubError } from './domain/errors';
import { FINDING_KINDS, FINDING_STATUSES, SEVERITIES } from './domain/finding';
import { hasCapability, type Principal, reportAgencies, type Scope } from './graph/auth';
import { badInput, codedError } from './graph/errors';
import { type FindingFilter, findingsForExport, findingsXlsx } from './modules/check';
import {
  agencyTitle,
  dossierReport,
  form06Xlsx,
  ReportGrouping,
  resolvePeriod,
  TimelinessRule,
} from './modules/report';

export const EXPORT_PATH = '/export/';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function listParam<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
): T[] | null {
  const raw = params.get(name);
  if (!raw) return null;
  const values = raw.split(',').map((v) => v.trim());
  const bad = values.filter((v) => !(allowed as readonly string[]).includes(v));
  if (bad.length)
    throw badInput(`${name}: unknown value ${bad.join(', ')}; expected one of ${allowed.join(', ')}`, name);
  return values as T[];
}

/** The console's findings filter, from the same query parameters as its address. */
export function findingFilterFromQuery(params: URLSearchParams): FindingFilter {
  const codes = (name: string) =>
    params
      .get(name)
      ?.split(',')
      .map((v) => v.trim())
      .filter(Boolean) ?? null;
  return {
    kind: listParam(params, 'kind', FINDING_KINDS),
    severity: listParam(params, 'severity', SEVERITIES),
    status: listParam(params, 'status', FINDING_STATUSES),
    agency: codes('agency'),
    sector: codes('sector'),
  };
}

function day(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10); // Asia/Ho_Chi_Minh
}

/**
 * Form 06 as `hub report dossiers --format xlsx` writes it, for the console's pickers,
 * with the rows the graph's dossierReport gives the same caller (its agency scope).
 */
async function sendForm06(
  res: ServerResponse,
  params: URLSearchParams,
  orm: Orm,
  caller: { principal: Principal; scope: Scope },
): Promise<void> {
  const period = resolvePeriod({
    period: params.get('period') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  });
  const groupBy = listParam(params, 'groupBy', Object.values(ReportGrouping))?.[0] ?? ReportGrouping.AGENCY;
  const rule = listParam(params, 'rule', Object.values(TimelinessRule))?.[0] ?? TimelinessRule.PROVINCIAL;
  const agencies = reportAgencies(caller.scope, caller.principal.agency, null);
  const em = orm.em.fork();
  const report = await dossierReport(em, {
    period,
    groupBy,
    rule,
    rollUp: params.get('rollUp') === '1',
    filter: agencies ? { agency: agencies } : null,
  });
  const now = new Date();
  const body = await form06Xlsx(report, { agencyTitle: await agencyTitle(em, agencies), generatedAt: now });
  res.writeHead(200, {
    'content-type': XLSX,
    'content-disposition': `attachment; filename="bieu-06-${report.from}-${report.to}.xlsx"`,
    'cache-control': 'no-store',
  });
  res.end(body);
}

function sendError(res: ServerResponse, e: unknown): void {
  // A HubError that names a graph code is the caller's to see, as the graph would show it.
  if (e instanceof HubError && e.graphCode) {
    sendError(res, codedError(e.graphCode, e.message));
    return;
  }
  if (!(e instanceof GraphQLError)) throw e;
  const http = e.extensions.http as { status?: number } | undefined;
  const { http: _hidden, ...extensions } = e.extensions;
  const status = http?.status ?? (extensions.code === 'NOT_FOUND' ? 404 : 400);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ errors: [{ message: e.message, extensions }] }));
}

export async function serveExport(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: {
    orm: Orm;
    /** The read replica (DATABASE_READ_URL) when configured: form 06 is a report and reads there. */
    readOrm?: Orm | null;
    caller: (req: IncomingMessage) => Promise<{ principal: Principal; scope: Scope }>;
  },
): Promise<void> {
  try {
    // The graph's rules: findings need a role that reads them; an agency key gets its own.
    const caller = await deps.caller(req);
    const { principal } = caller;
    if (req.method !== 'GET') throw codedError('BAD_USER_INPUT', 'exports are read with GET');
    const name = url.pathname.slice(EXPORT_PATH.length);
    if (name === 'dossier-report.xlsx')
      return await sendForm06(res, url.searchParams, deps.readOrm ?? deps.orm, caller);
    if (name !== 'findings.xlsx')
      throw codedError('NOT_FOUND', `no export ${name}; there are findings.xlsx and dossier-report.xlsx`);
    if (!hasCapability(principal.role, 'findings'))
      throw codedError('FORBIDDEN', `findings are not available to the ${principal.role} role`);
    const findings = await findingsForExport(
      deps.orm.em.fork(),
      findingFilterFromQuery(url.searchParams),
      caller.scope.agencyCodes,
    );
    const now = new Date();
    const shown = [...url.searchParams].filter(([k]) =>
      ['kind', 'severity', 'status', 'agency', 'sector'].includes(k),
    );
    const scope = shown.length
      ? `Bộ lọc (filter): ${shown.map(([k, v]) => `${k}=${v}`).join('; ')}`
      : 'Mọi phát hiện (all findings)';
    const body = await findingsXlsx(findings, now, scope);
    res.writeHead(200, {
      'content-type': XLSX,
      'content-disposition': `attachment; filename="sai-lech-${day(now)}.xlsx"`,
      'cache-control': 'no-store',
      'x-finding-count': String(findings.length),
    });
    res.end(body);
  } catch (e) {
    sendError(res, e);
  }
}
