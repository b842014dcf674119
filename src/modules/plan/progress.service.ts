import type { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '../../domain/model';
import { badInput, notFound } from '../../graph/errors';
import { Agency } from '../agency';
import { periodOfName as periodDays } from '../report';
import type { IndicatorMapping } from './indicators/mapping';
import { INDICATORS } from './indicators/registry';
import { indicatorStatus, taskStatus } from './indicators/status';
import type { Figure, IndicatorInput } from './indicators/types';
import { planOfYear, type StoredPlanTask } from './plan.queries';
import type { PlanIndicatorNode, PlanProgressNode } from './progress.types';

/** Deadline kinds whose `to` is a day the task must be done by. */
const DATED = new Set(['IN_YEAR', 'QUARTER', 'BEFORE_QUARTER', 'BEFORE_MONTH', 'MONTH_RANGE']);

/** Indicators that read the task itself (its lead bodies); the others are the same for every task. */
const PER_TASK = new Set(['igate.firstDossier']);

export interface ProgressRequest {
  year: number;
  period?: string | null;
  agency?: string | null;
  mapping: IndicatorMapping;
  /** Today, local. */
  today: LocalDate;
}

/**
 * Every task of the year's plan with its indicators and status. With an agency, the scope
 * is that agency and the agencies under it, and the tasks are those it leads (as itself
 * or through its level's category).
 */
export async function planProgress(em: EntityManager, req: ProgressRequest): Promise<PlanProgressNode> {
  const plan = await planOfYear(em, req.year);
  if (!plan) throw notFound(`no plan for ${req.year} has been imported (hub plan import FILE)`);
  const days = req.period == null ? periodDays(String(req.year)) : periodDays(req.period);
  if (!days)
    throw badInput(
      `period "${req.period}" is not a year (2020), a quarter (2020-Q2) or a month (2020-06)`,
      'period',
    );
  const scope = req.agency ? await scopeOf(em, req.agency.trim()) : null;
  const agency = req.agency?.trim() ?? null;
  const tasks = agency
    ? plan.tasks.filter((t) => t.leads.some((b) => b.agencyCodes.includes(agency)))
    : plan.tasks;
  const asOf = days.to < req.today ? days.to : req.today;
  const memos = new Map<string, Promise<unknown>>();
  const memo = <T>(key: string, compute: () => Promise<T>): Promise<T> => {
    if (!memos.has(key)) memos.set(key, compute());
    return memos.get(key) as Promise<T>;
  };
  const run: ProgressRun = {
    req,
    figures: new Map(),
    inputOf: (task) => ({ em, ...days, agency, scope, task, asOf, today: req.today, memo }),
    asOf,
  };
  const progress = [];
  for (const task of tasks) {
    const indicators: PlanIndicatorNode[] = [];
    for (const key of req.mapping.tasks.get(task.number) ?? []) {
      indicators.push(await indicatorOf(run, task, key));
    }
    progress.push({ task, status: taskStatus(indicators.map((i) => i.status)), indicators });
  }
  return { year: req.year, period: req.period ?? null, ...days, agency, asOf, tasks: progress };
}

/** What one progress request shares across its tasks: the figures computed so far, by key. */
interface ProgressRun {
  req: ProgressRequest;
  /** Each indicator's figure, computed once (once per task for those that read the task). */
  figures: Map<string, Figure>;
  inputOf: (task: StoredPlanTask) => IndicatorInput;
  asOf: LocalDate;
}

/** One indicator of one task: its figure (computed on first use) and its status. */
async function indicatorOf(run: ProgressRun, task: StoredPlanTask, key: string): Promise<PlanIndicatorNode> {
  const def = run.req.mapping.indicators.get(key)!;
  const cacheKey = PER_TASK.has(key) ? `${key}#${task.number}` : key;
  let figure = run.figures.get(cacheKey);
  if (!figure) {
    figure = await computeIndicator(key, run.inputOf(task));
    run.figures.set(cacheKey, figure);
  }
  return {
    key,
    name: def.name,
    value: figure.value,
    numerator: figure.numerator,
    denominator: figure.denominator,
    target: def.target,
    status: indicatorStatus(def, figure.value, deadlineOf(task), run.asOf),
    formula: def.formula,
    date: figure.date ?? null,
    detail: figure.detail ?? null,
    parts: figure.parts ?? [],
  };
}

function computeIndicator(key: string, input: IndicatorInput): Promise<Figure> {
  const compute = INDICATORS[key];
  if (!compute) {
    return Promise.resolve({
      value: null,
      numerator: null,
      denominator: null,
      detail: `the hub has no indicator "${key}"`,
    });
  }
  return compute(input);
}

function deadlineOf(task: StoredPlanTask): LocalDate | null {
  return DATED.has(task.deadline.kind) ? task.deadline.to : null;
}

/** The agency and every agency under it. */
async function scopeOf(em: EntityManager, code: string): Promise<string[]> {
  const all = await em.find(Agency, { deletedAt: null });
  if (!all.some((a) => a.code === code))
    throw badInput(`agency "${code}" is not one of the province's agencies`, 'agency');
  const children = new Map<string, string[]>();
  for (const a of all)
    if (a.parentCode) children.set(a.parentCode, [...(children.get(a.parentCode) ?? []), a.code]);
  const scope: string[] = [];
  const stack = [code];
  while (stack.length) {
    const c = stack.pop()!;
    scope.push(c);
    stack.push(...(children.get(c) ?? []));
  }
  return scope.sort();
}
